namespace SweepCluster.Core.Results;

/// <summary>The metrics a trial reports after every epoch (<see cref="MetricTable"/>'s per-epoch rows): the only ones an early-stopping scheduler can follow.</summary>
public static class EpochMetric
{
    public static IReadOnlyList<string> Names { get; } = [.. MetricTable.All.Where(m => m.PerEpoch).Select(m => m.Name)];

    /// <summary>The per-epoch metrics of <paramref name="task"/>'s sweeps.</summary>
    public static IReadOnlyList<string> NamesFor(Sweeps.SweepTask task) =>
        [.. MetricTable.All.Where(m => m.PerEpoch && m.AppliesTo(task)).Select(m => m.Name)];

    public static bool IsReportedPerEpoch(string metric) => MetricTable.Find(metric)?.PerEpoch == true;

    /// <summary>The metric's value in one epoch's record; null for a metric only measured at the end (sparsity, …) or one the epoch lacks.</summary>
    public static double? Value(EpochRecord epoch, string metric) => MetricTable.Find(metric)?.OfEpoch?.Invoke(epoch);
}
