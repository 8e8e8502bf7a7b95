using SweepCluster.Core.Results;

namespace SweepCluster.Core.Monitoring;

/// <summary>The metrics the worker's result event carries (every row of <see cref="MetricTable"/>), and their property names (val_loss → ValLoss).</summary>
public static class MetricName
{
    public const string Default = MetricTable.Default;

    public static IReadOnlyList<string> Logged { get; } = [.. MetricTable.All.Select(m => m.Name)];

    public static string Property(string metric) => MetricTable.Find(metric)?.Property
        ?? string.Concat(metric.Split('_').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part[1..]));
}
