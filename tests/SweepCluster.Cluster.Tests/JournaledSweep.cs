using Akka.Actor;
using Akka.TestKit;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Results;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// Generations of one sweep on one journal (Akka's in-memory journal of the test system) and one output folder: each
/// <see cref="Start"/> makes a coordinator, results actor and worker as a restarted process would; <see cref="StopAll"/>
/// stops them as a crash would leave them (nothing flushed beyond what was durable).
/// </summary>
internal sealed class JournaledSweep(TestKitBase kit, string persistenceId) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly List<IActorRef> running = [];
    private int generation;

    public SweepOutputPaths Paths { get; } = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-{persistenceId}-{Guid.NewGuid():N}"));

    /// <param name="definitionHash">The definition hash the coordinator journals and checks ("" when the test does not care).</param>
    public (IActorRef Coordinator, IActorRef Results) Start(ITrialSource source, ITrialTrainer trainer, int workers = 1, string definitionHash = "")
    {
        generation++;
        var results = kit.Sys.ActorOf(ResultsActor.Props(new ResultsSettings(Paths, source.Metric, source.SweptParameters, Resume: true, Repeats: source.Repeats)), $"{persistenceId}-results-{generation}");
        var coordinator = kit.Sys.ActorOf(CoordinatorActor.Props(source, results, new CoordinatorSettings(DefinitionHash: definitionHash, PersistenceId: persistenceId)), $"{persistenceId}-coordinator-{generation}");
        for (var w = 0; w < workers; w++)
        {
            running.Add(kit.Sys.ActorOf(WorkerActor.Props(coordinator, trainer, new WorkerSettings($"w{generation}-{w}", "test-node")), $"{persistenceId}-worker-{generation}-{w}"));
        }
        running.AddRange([coordinator, results]);
        return (coordinator, results);
    }

    public int RecordedCount(IActorRef results)
    {
        results.Tell(GetRecordedTrials.Instance, kit.TestActor);
        return kit.ExpectMsg<RecordedTrials>(Patience).Trials.Count;
    }

    public void StopAll()
    {
        foreach (var actor in running)
        {
            kit.Watch(actor);
            kit.Sys.Stop(actor);
            kit.ExpectTerminated(actor, Patience);
        }
        running.Clear();
    }

    public IReadOnlyList<LeaderboardEntry> ResultsFile() => ResultsJournal.Read(Paths.ResultsJournal);

    public void Dispose()
    {
        StopAll();
        if (Directory.Exists(Paths.Directory))
        {
            Directory.Delete(Paths.Directory, recursive: true);
        }
    }
}
