namespace SweepCluster.Core.Monitoring;

/// <summary>
/// The message template of every sweep, worker and trial event, defined once: the actors and the CLI log with
/// these constants as the template, and <c>monitor</c> matches on the same constants, so rewording one changes
/// both sides (and the test that runs a real sweep and monitors its log). They are part of the log format
/// (README, "Logs and monitoring"; Seq and jq queries match on them): reword one only on purpose.
/// </summary>
public static class EventTemplates
{
    // The sweep, as the coordinator sees it (the ones monitor reads: SweepStarted, SweepStopping, SweepFinished).
    public const string SweepStarted = "Sweep {SweepId} started: {Total} trials, {MaxAttempts} attempts each";
    public const string SweepResumed = "Sweep {SweepId} resumed: {Settled} of {Total} trials already settled ({Adopted} taken from results.jsonl), {MaxAttempts} attempts each";
    public const string SweepResultsMissing = "Sweep {SweepId}: {Missing} trials settled in the journal are missing from results.jsonl; they run again";
    public const string SweepRefused = "Sweep {SweepId} refused: {Reason}";
    public const string SweepCoordinatorStopped = "Sweep {SweepId} coordinator stopped: {Reason}";
    public const string CoordinatorReplaced = "Coordinator failed ({Failure}); starting a new one ({Restart}/{MaxRestarts}), which resumes from the journal and results.jsonl";
    public const string CoordinatorGaveUp = "Coordinator gave up: {Reason}";
    public const string ResultsActorRestarted = "Results actor failed ({Failure}); starting it again from results.jsonl";
    public const string ResultsActorStopped = "Results actor stopped: {Reason}; the sweep cannot record results";
    public const string SweepStopping = "Sweep {SweepId} stopping: {Running} trials running";
    public const string SweepFinished = "Sweep {SweepId} finished: {Done} done, {Failed} failed";

    // The sweep, as the CLI sees it.
    public const string SweepStarting = "Sweep {SweepId} starting: {Trials} trials, {Workers} workers ({Devices}) x {Threads} threads, pack size {PackSize}, output {Output}";
    public const string SweepFailed = "Sweep {SweepId} failed: {Reason}. The results so far are in {Output}";
    public const string SweepProgress = "Sweep {SweepId} progress: {Done}/{Total} done, {Running} running, {Queued} queued, {Failed} failed";
    public const string CoordinatorStarting = "Coordinator for sweep {SweepId} ({Trials} trials) at {Seed}, journal {Journal}, output {Output}";
    public const string CoordinatorStoppedResumable = "Coordinator stopped; run the same command again to resume sweep {SweepId}";
    public const string SweepResuming = "Resuming sweep {SweepId}: {Kept} of {Total} trials kept, {ToRun} to run";
    public const string ResultsTornLineDropped = "{Path}:{Line}: torn last line dropped (its write was cut off); that trial runs again";
    public const string SweepStoppedResumable = "Sweep {SweepId} stopped: {Kept} of {Total} trials kept in {Output}; run the same command again to resume (--fresh starts over)";
    public const string SweepStoppedByJournal = "Sweep {SweepId} stopped: {Reason}; fix that and run the same command to resume";

    // Workers.
    public const string WorkerRegistered = "Worker {Worker} registered on {Node}";
    public const string WorkerCoordinatorGone = "Worker {Worker}: the coordinator is gone; registering again";
    public const string WorkerPackTrimmed = "Worker {Worker} keeps {Kept} of a pack of {Offered}";

    // Worker nodes without a coordinator (issue 17: idle exit).
    public const string WorkerWaiting = "Worker node {Node} has had no coordinator for {Waited}: waiting for {Seeds}, {Outlook}";
    public const string WorkerRejoining = "Worker node {Node} is out of the cluster ({Reason}); joining again, {Outlook}";
    public const string WorkerIdleExit = "Worker node {Node} gives up: no coordinator for {Waited} (--idle-exit {IdleExit})";

    // The network, as a node sees it: an expected fault (a lost or refused connection, an unreachable or downed node, a
    // refused TLS peer) is this one line on the console, e.g. "coordinator 10.0.0.5:4053 unreachable; retrying every 2 s,
    // giving up in 9 m 58 s"; Akka's own events about it go to the log file at Debug. FaultKind names the kind.
    public const string NetworkFault = "{Peer} {Fault}; {Next}";
    public const string TlsPeerRefused = "TLS connection with {Peer} refused: {Reason}";

    // Trials.
    public const string TrialStarted = "Trial {TrialId} started on {Worker}";
    public const string TrialTraining = "Trial {TrialId} training on {Worker} (attempt {Attempt})";
    public const string TrialEpoch = "Trial {TrialId} epoch {Epoch}: val_loss={ValLoss}";
    public const string TrialResult = "Trial {TrialId} result on {Worker}: {Status} after {EpochsRun} epochs, {SamplesPerSecond} samples/s";
    public const string TrialFinished = "Trial {TrialId} finished: val_loss={ValLoss} sparsity={Sparsity}";
    public const string TrialFailed = "Trial {TrialId} failed (attempt {Attempt}/{MaxAttempts}): {Reason}";
    public const string TrialStoppedEarly = "Trial {TrialId} stopped early after epoch {Epoch}: {Reason}";
    public const string TrialVerdictOverdue = "Trial {TrialId} still waits for the scheduler's verdict after epoch {Epoch}: reporting it again";
    public const string TrialStopRequested = "Trial {TrialId} stop requested on {Worker}";
    public const string TrialHandedBack = "Trial {TrialId} handed back by {Worker}: its node is shutting down";
    public const string TrialDuplicateResult = "Trial {TrialId} duplicate result ignored";
    public const string TrialResultAfterSweepEnded = "Trial {TrialId} result after the sweep ended: ignored";

    /// <summary>Every re-queue event starts so; monitor matches the prefix, the rest names why.</summary>
    public const string TrialRequeuedPrefix = "Trial {TrialId} re-queued:";
    public const string TrialRequeuedAskedAgain = TrialRequeuedPrefix + " worker {Worker} asked for new work";
    public const string TrialRequeuedHandedBack = TrialRequeuedPrefix + " worker {Worker} handed it back";
    public const string TrialRequeuedTerminated = TrialRequeuedPrefix + " worker {Worker} terminated";
    public const string TrialRequeuedUnacknowledged = TrialRequeuedPrefix + " worker {Worker} did not acknowledge its assignment, sent {Sends} times";
    public const string AssignmentResent = "Assignment of {TrialId} sent again to worker {Worker} (send {Sends}): not acknowledged within {LeaseSeconds} s";
    public const string PackShrunkForFrame = "Pack for worker {Worker} cut from {Trials} to {Kept} trials: {Bytes} bytes would exceed the remoting frame of {MaxBytes} bytes";
    public const string ModelTooLargeToSend = "Trial {TrialId}'s model is not sent: {Bytes} bytes would exceed the remoting frame of {MaxBytes} bytes; the result goes without it";
    public const string TrialTooLargeToSend = "Trial {TrialId} cannot be sent to worker {Worker}: its assignment is {Bytes} bytes, over the remoting frame of {MaxBytes} bytes";
}
