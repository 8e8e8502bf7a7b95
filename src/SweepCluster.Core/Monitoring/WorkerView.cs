namespace SweepCluster.Core.Monitoring;

/// <summary>
/// One worker: its current trial and epoch (null when idle), how many trials it finished, its rate in
/// trials per minute since its first trial started, and the samples/s of its last finished trial.
/// <paramref name="Device"/> is the device it trains on (<c>cpu</c>, <c>cuda:0</c>), null in logs written before workers had one.
/// </summary>
public sealed record WorkerView(
    string Worker,
    string? Node,
    string? TrialId,
    int? Epoch,
    int? Epochs,
    int TrialsFinished,
    double? TrialsPerMinute,
    double? SamplesPerSecond,
    string? Device = null);
