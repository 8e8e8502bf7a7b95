namespace SweepCluster.Core.Monitoring;

/// <summary>The metrics the worker's result event carries, and their property names (val_loss → ValLoss).</summary>
public static class MetricName
{
    public const string Default = "val_loss";

    public static IReadOnlyList<string> Logged { get; } = ["val_loss", "val_accuracy", "train_loss", "sparsity", "l1_norm", "active_inputs"];

    public static string Property(string metric) =>
        string.Concat(metric.Split('_').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part[1..]));
}
