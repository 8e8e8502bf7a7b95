using System.Text.Json.Serialization;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Every setting of one training run. Any of them may also be swept under <c>parameters</c>.
/// <paramref name="Patience"/> is the number of epochs without a better validation loss before
/// stopping early; 0 turns early stopping off. <paramref name="Threads"/> 0 means "decided by the host".
/// <paramref name="L1Groups"/> matters only under <see cref="L1Mode.Group"/>. <paramref name="RefitEpochs"/> epochs follow the
/// <paramref name="Epochs"/> regularized ones, with lambda 0 and the zero pattern frozen (relaxed lasso); see
/// <see cref="TotalEpochs"/>. <paramref name="Loss"/> and <paramref name="HuberDelta"/> (in standard deviations of the
/// target) apply to regression sweeps only; the parser refuses them in a classification sweep.
/// The device is not here: it belongs to the worker that trains the trial (<c>--devices</c>).
/// </summary>
public sealed record TrainingSettings(
    int Epochs = 30,
    int BatchSize = 128,
    double LearningRate = 1e-3,
    OptimizerKind Optimizer = OptimizerKind.Adam,
    L1Mode L1Mode = L1Mode.Penalty,
    L1Groups L1Groups = L1Groups.Inputs,
    bool IncludeBiases = false,
    int Patience = 0,
    int RefitEpochs = 0,
    double Momentum = 0.9,
    double SparsityThreshold = 1e-3,
    int Threads = 0,
    LossKind Loss = LossKind.Mse,
    double HuberDelta = 1.0)
{
    public static TrainingSettings Default { get; } = new();

    /// <summary>The most epochs a trial trains: the regularized ones plus the refit (what an early-stopping scheduler schedules).</summary>
    [JsonIgnore]
    public int TotalEpochs => Epochs + RefitEpochs;
}
