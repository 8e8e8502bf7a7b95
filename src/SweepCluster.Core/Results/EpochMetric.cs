namespace SweepCluster.Core.Results;

/// <summary>The metrics a trial reports after every epoch: the only ones an early-stopping scheduler can follow.</summary>
public static class EpochMetric
{
    public static IReadOnlyList<string> Names { get; } = ["val_loss", "val_accuracy", "train_loss"];

    public static bool IsReportedPerEpoch(string metric) => Names.Contains(metric);

    /// <summary>The metric's value in one epoch's record; null for a metric only measured at the end (sparsity, …).</summary>
    public static double? Value(EpochRecord epoch, string metric) => metric switch
    {
        "val_loss" => epoch.ValLoss,
        "val_accuracy" => epoch.ValAccuracy,
        "train_loss" => epoch.TrainLoss,
        _ => null,
    };
}
