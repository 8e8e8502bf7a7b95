using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// Every metric a sweep may rank by, once: the parser, the ranking, the leaderboards, the schedulers, the worker's log
/// event and <c>monitor</c> all read this table, so that a new metric is one row here. <see cref="All"/> is in the order the
/// outputs show them; <see cref="Rankable"/> adds the metrics a sweep may also rank by (as one of its objectives) that
/// the outputs iterating <see cref="All"/> must not gain as columns or log properties of their own.
/// </summary>
public static class MetricTable
{
    public static IReadOnlyList<MetricInfo> All { get; } =
    [
        new("val_loss", MetricGoal.Minimize, null, m => m.ValLoss, e => e.ValLoss),
        new("val_accuracy", MetricGoal.Maximize, SweepTask.Classification, m => m.ValAccuracy, e => e.ValAccuracy),
        new("val_r2", MetricGoal.Maximize, SweepTask.Regression, m => m.ValR2, e => e.ValR2),
        new("val_rmse", MetricGoal.Minimize, SweepTask.Regression, m => m.ValRmse, e => e.ValRmse),
        new("val_mae", MetricGoal.Minimize, SweepTask.Regression, m => m.ValMae, e => e.ValMae),
        new("train_loss", MetricGoal.Minimize, null, m => m.TrainLoss, e => e.TrainLoss),
        new("sparsity", MetricGoal.Maximize, null, m => m.Sparsity),
        new("l1_norm", MetricGoal.Minimize, null, m => m.L1Norm),
        new("active_inputs", MetricGoal.Minimize, null, m => m.ActiveInputs),
    ];

    // The leaderboard files already list these among their fixed fields, and the worker's result event carries Seconds
    // itself: in All they would add a second column, or a log property named like the swept "Parameters".
    private static readonly IReadOnlyList<MetricInfo> RankableOnly =
    [
        new("exact_zero_fraction", MetricGoal.Maximize, null, m => m.ExactZeroFraction),
        new("parameters", MetricGoal.Minimize, null, m => m.Parameters),
        new("seconds", MetricGoal.Minimize, null, m => m.Seconds),
    ];

    /// <summary>Every metric a sweep may rank by: <see cref="All"/>, then exact_zero_fraction, parameters and seconds (training wall time).</summary>
    public static IReadOnlyList<MetricInfo> Rankable { get; } = [.. All, .. RankableOnly];

    public const string Default = "val_loss";

    public static MetricInfo? Find(string name) => Rankable.FirstOrDefault(m => m.Name == name);

    /// <summary>The row of <paramref name="name"/>; an unknown name is a programming error (the parser refuses it first).</summary>
    public static MetricInfo Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown metric '{name}'; expected one of {string.Join(", ", Rankable.Select(m => m.Name))}", nameof(name));

    /// <summary>The metrics of <paramref name="task"/>'s sweeps, in table order.</summary>
    public static IReadOnlyList<MetricInfo> For(SweepTask task) => [.. All.Where(m => m.AppliesTo(task))];

    /// <summary>The metrics <paramref name="task"/>'s sweeps may rank by, in <see cref="Rankable"/>'s order.</summary>
    public static IReadOnlyList<MetricInfo> RankableFor(SweepTask task) => [.. Rankable.Where(m => m.AppliesTo(task))];

    /// <summary>The goal a metric has unless the sweep file says otherwise; minimize for a name the table does not know.</summary>
    public static MetricGoal DefaultGoal(string name) => Find(name)?.Goal ?? MetricGoal.Minimize;
}
