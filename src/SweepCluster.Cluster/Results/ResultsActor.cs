using Akka.Actor;
using Akka.Event;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Results;

/// <summary>
/// Keeps a sweep's results ranked and its result files current: appends each new result to results.jsonl
/// and rewrites the leaderboard files atomically. The files are small and written on the actor's thread,
/// which also keeps writes in result order. A duplicate result for a trial is ignored.
/// </summary>
public sealed class ResultsActor : ReceiveActor
{
    private readonly ResultsSettings settings;
    private readonly LeaderboardWriter writer;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private Leaderboard leaderboard;
    private ResultsJournal? journal;

    public ResultsActor(ResultsSettings settings)
    {
        this.settings = settings;
        writer = new LeaderboardWriter(settings.Paths, settings.SweptParameters);
        leaderboard = new Leaderboard(settings.Metric);
        Receive<RecordResult>(OnRecord);
        Receive<GetLeaderboard>(_ => Sender.Tell(new LeaderboardSnapshot(leaderboard.Ranked())));
        Receive<FlushLeaderboard>(_ => OnFlush());
    }

    public static Props Props(ResultsSettings settings) => Akka.Actor.Props.Create(() => new ResultsActor(settings));

    protected override void PreStart()
    {
        journal = ResultsJournal.Create(settings.Paths.ResultsJournal);
        writer.Write(leaderboard.Ranked());
    }

    // A restart (a failed write) must not forget the results so far: they are all in the journal.
    protected override void PostRestart(Exception reason)
    {
        leaderboard = new Leaderboard(settings.Metric);
        foreach (var entry in ResultsJournal.Read(settings.Paths.ResultsJournal))
        {
            leaderboard.TryAdd(entry);
        }
        journal = ResultsJournal.Append(settings.Paths.ResultsJournal);
        writer.Write(leaderboard.Ranked());
    }

    protected override void PostStop() => journal?.Dispose();

    private void OnRecord(RecordResult message)
    {
        if (!leaderboard.TryAdd(message.Entry))
        {
            log.Debug("Trial {TrialId} result ignored: already recorded", message.Entry.TrialId);
            return;
        }
        journal!.Write(message.Entry);
        if (settings.WriteMode == LeaderboardWriteMode.EveryResult)
        {
            writer.Write(leaderboard.Ranked());
        }
    }

    private void OnFlush()
    {
        var rows = leaderboard.Ranked();
        writer.Write(rows);
        Sender.Tell(new LeaderboardSnapshot(rows));
    }
}
