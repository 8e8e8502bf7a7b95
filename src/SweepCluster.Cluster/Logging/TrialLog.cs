using Akka.Event;

namespace SweepCluster.Cluster.Logging;

/// <summary>
/// Logs trial events with the properties every trial event carries (SweepId, TrialId, Worker, Node) attached
/// as Serilog properties. The enriched adapter is only built when the level is on: the control plane logs per
/// trial, and a benchmark of 10 000 trials should not pay for disabled events.
/// </summary>
internal sealed class TrialLog(ILoggingAdapter log)
{
    public ILoggingAdapter Adapter => log;

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
