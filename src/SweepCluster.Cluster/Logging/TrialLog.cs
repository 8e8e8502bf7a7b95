using Akka.Event;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Logging;

/// <summary>
/// Logs trial events with the properties every trial event carries (SweepId, TrialId, Worker, Node) attached
/// as Serilog properties. The enriched adapter is only built when the level is on: the control plane logs per
/// trial, and a benchmark of 10 000 trials should not pay for disabled events.
/// </summary>
internal sealed class TrialLog(ILoggingAdapter log)
{
    public ILoggingAdapter Adapter => log;

    /// <summary>
    /// A trial settled with <paramref name="result"/> at <paramref name="attempt"/>: failed for good (see <see cref="Failed"/>),
    /// or finished, after the stopped-early event when the scheduler stopped it.
    /// </summary>
    public void Settled(TrialResult result, int attempt, int maxAttempts)
    {
        if (result.Status == TrialStatus.Failed)
        {
            Failed(result.TrialId, result, attempt, RetryPolicy.LoggedMaxAttempts(result, attempt, maxAttempts));
            return;
        }
        if (result.Status == TrialStatus.StoppedEarly)
        {
            // Logged when the trial has stopped, not when the scheduler said so: a repeated report gets the same
            // verdict again, and a worker whose coordinator was gone meanwhile may have trained on.
            WriteWith(LogLevel.InfoLevel, result.TrialId, result.Worker, result.Node, [new("Epoch", result.Metrics?.EpochsRun)],
                EventTemplates.TrialStoppedEarly, result.TrialId, result.Metrics?.EpochsRun ?? 0, result.Reason ?? "");
        }
        WriteWith(LogLevel.InfoLevel, result.TrialId, result.Worker, result.Node, [new("Device", result.Device)],
            EventTemplates.TrialFinished, result.TrialId, result.Metrics?.ValLoss, result.Metrics?.Sparsity);
    }

    /// <summary>Attempt <paramref name="attempt"/> of <paramref name="trialId"/> failed (of <paramref name="maxAttempts"/> logged), with its device and failure kind.</summary>
    public void Failed(string trialId, TrialResult result, int attempt, int maxAttempts) =>
        WriteWith(LogLevel.WarningLevel, trialId, result.Worker, result.Node,
            [new("Device", result.Device), new("FailureKind", RetryPolicy.KindText(result.FailureKind))],
            EventTemplates.TrialFailed, trialId, attempt, maxAttempts, result.Reason ?? "");

    public void Write(LogLevel level, string trialId, string worker, string node, string template, params object?[] args) =>
        WriteWith(level, trialId, worker, node, [], template, args);

    /// <summary>As <see cref="Write"/>, with <paramref name="extra"/> attached as properties that the template does not show.</summary>
    public void WriteWith(LogLevel level, string trialId, string worker, string node, IEnumerable<KeyValuePair<string, object?>> extra,
        string template, params object?[] args)
    {
        if (!log.IsEnabled(level))
        {
            return;
        }
        var enriched = log.WithContext("TrialId", trialId).WithContext("Worker", worker).WithContext("Node", node);
        foreach (var (name, value) in extra)
        {
            enriched = enriched.WithContext(name, value);
        }
        switch (level)
        {
            case LogLevel.DebugLevel:
                enriched.Debug(template, args);
                break;
            case LogLevel.WarningLevel:
                enriched.Warning(template, args);
                break;
            case LogLevel.ErrorLevel:
                enriched.Error(template, args);
                break;
            default:
                enriched.Info(template, args);
                break;
        }
    }
}
