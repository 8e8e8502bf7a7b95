using SweepCluster.Core.Results;
using SweepCluster.Training.Metrics;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// Builds a trial's <see cref="TrialMetrics"/> from what a run measured: its best epoch, the sparsity of that epoch's
/// weights and its counts and time. Single and packed runs both finish through here, so a metric is defined once.
/// </summary>
internal static class TrialMetricsBuilder
{
    public static TrialMetrics From(EpochRecord best, SparsityReport sparsity, long parameters, int epochsRun, double seconds, long trainRows) =>
        new(
            ValLoss: best.ValLoss,
            ValAccuracy: best.ValAccuracy,
            TrainLoss: best.TrainLoss,
            L1Norm: sparsity.L1Norm,
            Sparsity: sparsity.Sparsity,
            ExactZeroFraction: sparsity.ExactZeroFraction,
            LayerSparsity: sparsity.LayerSparsity,
            ActiveInputs: sparsity.ActiveInputs,
            Parameters: parameters,
            EpochsRun: epochsRun,
            BestEpoch: best.Epoch,
            Seconds: seconds,
            // Guarded against a zero clock: a trial that ends before the stopwatch ticks still gets a finite rate.
            SamplesPerSecond: trainRows * epochsRun / Math.Max(seconds, 1e-9),
            ActiveInputNames: sparsity.ActiveInputNames,
            ActiveNeurons: sparsity.ActiveNeurons,
            ValRmse: best.ValRmse,
            ValMae: best.ValMae,
            ValR2: best.ValR2);
}
