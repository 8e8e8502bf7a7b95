namespace SweepCluster.Core.Monitoring;

/// <summary>
/// The message templates of the events <c>monitor</c> reads. They are part of the log format (README,
/// "Logs and monitoring"): the actors write exactly these, and Seq or jq queries match on them.
/// </summary>
public static class EventTemplates
{
    public const string SweepStarted = "Sweep {SweepId} started: {Total} trials, {MaxAttempts} attempts each";
    public const string SweepStopping = "Sweep {SweepId} stopping: {Running} trials running";
    public const string SweepFinished = "Sweep {SweepId} finished: {Done} done, {Failed} failed";
    public const string WorkerRegistered = "Worker {Worker} registered on {Node}";
    public const string TrialStarted = "Trial {TrialId} started on {Worker}";
    public const string TrialTraining = "Trial {TrialId} training on {Worker} (attempt {Attempt})";
    public const string TrialEpoch = "Trial {TrialId} epoch {Epoch}: val_loss={ValLoss}";
    public const string TrialFinished = "Trial {TrialId} finished: val_loss={ValLoss} sparsity={Sparsity}";
    public const string TrialFailed = "Trial {TrialId} failed (attempt {Attempt}/{MaxAttempts}): {Reason}";
    public const string TrialResult = "Trial {TrialId} result on {Worker}: {Status} after {EpochsRun} epochs, {SamplesPerSecond} samples/s";

    /// <summary>Both re-queue events start so; the rest names why (worker asked again, worker terminated).</summary>
    public const string TrialRequeuedPrefix = "Trial {TrialId} re-queued:";
}
