namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Every setting of one training run. Any of them may also be swept under <c>parameters</c>.
/// <paramref name="Patience"/> is the number of epochs without a better validation loss before
/// stopping early; 0 turns early stopping off. <paramref name="Threads"/> 0 means "decided by the host".
/// The device is not here: it belongs to the worker that trains the trial (<c>--devices</c>).
/// </summary>
public sealed record TrainingSettings(
    int Epochs = 30,
    int BatchSize = 128,
    double LearningRate = 1e-3,
    OptimizerKind Optimizer = OptimizerKind.Adam,
    L1Mode L1Mode = L1Mode.Penalty,
    bool IncludeBiases = false,
    int Patience = 0,
    double Momentum = 0.9,
    double SparsityThreshold = 1e-3,
    int Threads = 0)
{
    public static TrainingSettings Default { get; } = new();
}
