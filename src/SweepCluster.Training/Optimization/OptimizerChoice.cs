using SweepCluster.Core.Sweeps;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// The one place that reads training.optimizer and builds the parameter list an optimizer updates. The single and the
/// packed path pass their own constructors (their optimizers differ in where the learning rate comes from), so both
/// always choose alike.
/// </summary>
internal static class OptimizerChoice
{
    public static T Create<T>(
        TrainingSettings settings,
        IEnumerable<(Tensor Weight, Tensor Bias)> layers,
        Func<IReadOnlyList<OptimizedParameter>, T> sgd,
        Func<IReadOnlyList<OptimizedParameter>, T> adam)
    {
        var parameters = OptimizedParameters.Of(layers, settings.IncludeBiases);
        return settings.Optimizer == OptimizerKind.Sgd ? sgd(parameters) : adam(parameters);
    }
}
