namespace SweepCluster.Core.Results;

/// <summary>
/// The metrics of a trial, taken at its best epoch (lowest validation loss), as docs/architecture.md and the README ("Metrics") define them.
/// Sparsity counts weight-matrix entries with |w| ≤ the sparsity threshold.
/// </summary>
public sealed record TrialMetrics(
    double ValLoss,
    double ValAccuracy,
    double TrainLoss,
    double L1Norm,
    double Sparsity,
    double ExactZeroFraction,
    IReadOnlyList<double> LayerSparsity,
    int ActiveInputs,
    long Parameters,
    int EpochsRun,
    int BestEpoch,
    double Seconds,
    double SamplesPerSecond);
