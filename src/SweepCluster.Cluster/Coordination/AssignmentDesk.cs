using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// The coordinator's trials out: who holds what (<see cref="AssignmentBook{TWorker,THeld}"/>), the message a pack travels as
/// (<see cref="AssignmentFitter"/>), the leases, and the trials that go back to the front of the queue, each with its log line
/// (the templates start with the trial and its worker). Plain: the coordinator sends what it returns.
/// </summary>
internal sealed class AssignmentDesk(SweepContext sweep, TrialQueue queue, SweepTally tally, AssignmentFitter fitter)
{
    private readonly AssignmentBook<IActorRef, Assignment> book = new(sweep.Settings.Lease, held => held.Trial.Index);

    /// <summary>Trials held by workers now (a pack counts each of its trials).</summary>
    public int HeldTrials => book.HeldTrials;

    public bool IsEmpty => book.IsEmpty;

    /// <summary>Every held trial, worker by worker.</summary>
    public IEnumerable<Assignment> All => book.All;

    /// <summary>
    /// Hands <paramref name="pack"/> to <paramref name="worker"/> at <paramref name="now"/>, each trial at its next attempt: the
    /// message to send, cut to the remoting frame (see <see cref="AssignmentFitter.Fit"/>), with a started line per trial.
    /// </summary>
    public Handout Hand(IActorRef worker, WorkerInfo info, IReadOnlyList<TrialSpec> pack, DateTimeOffset now)
    {
        var held = pack.Select(trial => new Assignment(trial, tally.AttemptsOf(trial.Index) + 1, worker, info)).ToList();
        if (fitter.Fit(worker, held, out var tooLarge) is not { } message)
        {
            return new Handout(null, held, tooLarge);
        }
        book.Hold(worker, held, message, now);
        foreach (var assignment in held)
        {
            sweep.Trials.WriteWith(LogLevel.InfoLevel, assignment.Trial.Id, info.Name, info.Node, [new("Device", info.Device), new("Pack", held.Count)],
                EventTemplates.TrialStarted, assignment.Trial.Id, info.Name);
        }
        return new Handout(message, held, null);
    }

    /// <summary>The worker started an assignment holding any of <paramref name="indices"/>: its lease closes.</summary>
    public void Acknowledge(IActorRef worker, IEnumerable<long> indices) => book.Acknowledge(worker, indices);

    /// <summary>An epoch of a trial the sender holds is logged (a report of a trial it does not hold is not).</summary>
    public void LogEpoch(IActorRef worker, TrialProgress message)
    {
        if (book.HeldBy(worker).FirstOrDefault(a => a.Trial.Id == message.TrialId) is { } held)
        {
            sweep.Trials.Write(LogLevel.DebugLevel, message.TrialId, held.Info.Name, held.Info.Node,
                EventTemplates.TrialEpoch, message.TrialId, message.Epoch.Epoch, message.Epoch.ValLoss);
        }
    }

    /// <summary>Takes trial <paramref name="index"/> off <paramref name="worker"/>'s books (its result came); null when it does not hold it.</summary>
    public Assignment? Release(IActorRef worker, long index) => book.Release(worker, index);

    /// <summary>A worker asks only when it holds nothing; if we think it holds trials, it lost them (e.g. restarted): they go back.</summary>
    public void AskedAgain(IActorRef worker) =>
        Requeue(book.Release(worker), LogLevel.WarningLevel, EventTemplates.TrialRequeuedAskedAgain);

    /// <summary>The worker handed trial <paramref name="index"/> back: it goes back to the queue. False when it did not hold it.</summary>
    public bool HandedBack(IActorRef worker, long index)
    {
        if (book.Release(worker, index) is not { } held)
        {
            return false;
        }
        Requeue([held], LogLevel.WarningLevel, EventTemplates.TrialRequeuedHandedBack);
        return true;
    }

    /// <summary>A dead worker's pack goes back as single trials, in order, ahead of everything else; true when it held any.</summary>
    public bool Terminated(IActorRef worker)
    {
        var lost = book.Release(worker);
        Requeue(Enumerable.Reverse(lost), LogLevel.WarningLevel, EventTemplates.TrialRequeuedTerminated);
        return lost.Count > 0;
    }

    /// <summary>
    /// The assignments not acknowledged by <paramref name="now"/>: the messages to send again, and the workers whose last
    /// send went unanswered (their trials are back at the front of the queue).
    /// </summary>
    public LeaseRound Lapse(DateTimeOffset now)
    {
        var resends = new List<Delivery>();
        var lapsed = new List<IActorRef>();
        foreach (var expiry in book.Expire(now))
        {
            if (Renew(expiry) is { } again)
            {
                resends.Add(new Delivery(expiry.Worker, again, []));
            }
            else
            {
                lapsed.Add(expiry.Worker);
            }
        }
        return new LeaseRound(resends, lapsed);
    }

    // The message to send again, or, after its last send, null and the trials go back to the queue.
    private object? Renew(LeaseExpiry<IActorRef> expiry)
    {
        var first = book.HeldBy(expiry.Worker)[0];
        if (expiry.Resend)
        {
            sweep.Trials.Write(LogLevel.WarningLevel, first.Trial.Id, first.Info.Name, first.Info.Node,
                EventTemplates.AssignmentResent, first.Trial.Id, first.Info.Name, expiry.Sends, sweep.Settings.Lease.TotalSeconds);
            return expiry.Message;
        }
        Requeue(Enumerable.Reverse(book.Release(expiry.Worker)), LogLevel.ErrorLevel, EventTemplates.TrialRequeuedUnacknowledged, expiry.Sends);
        return null;
    }

    /// <summary>Puts held trials back at the front of the queue one by one, each logged.</summary>
    private void Requeue(IEnumerable<Assignment> trials, LogLevel level, string template, params object?[] more)
    {
        foreach (var held in trials)
        {
            queue.PutBackFirst(held.Trial.Index);
            sweep.Trials.Write(level, held.Trial.Id, held.Info.Name, held.Info.Node, template, [held.Trial.Id, held.Info.Name, .. more]);
        }
    }
}
