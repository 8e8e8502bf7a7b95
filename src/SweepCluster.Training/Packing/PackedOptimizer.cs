using SweepCluster.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Packing;

/// <summary>
/// The shared step loop of the packed optimizers: the single-trial arithmetic of <see cref="ParameterOptimizer"/>'s
/// subclasses, applied elementwise on stacked parameters with per-trial learning rates <c>[K, 1, 1]</c>.
/// A learning rate of 0 freezes a trial's slice (its soft-threshold is then 0 too), which is how a pack holds
/// trials that have stopped while the others go on.
/// </summary>
internal abstract class PackedOptimizer(IReadOnlyList<OptimizedParameter> parameters) : IDisposable
{
    protected IReadOnlyList<OptimizedParameter> Parameters { get; } = parameters;

    /// <param name="learningRates">Per trial <c>[K, 1, 1]</c>; 0 for a trial that must not move.</param>
    /// <param name="proximalScales">Per trial <c>lr·λ</c> <c>[K, 1, 1]</c> for a proximal step of the penalized parameters, or null.</param>
    public void Step(Tensor learningRates, Tensor? proximalScales)
    {
        BeginStep();
        using (torch.no_grad())
        {
            for (var i = 0; i < Parameters.Count; i++)
            {
                if (Parameters[i].Value.grad is { } gradient)
                {
                    Update(i, Parameters[i].Value, gradient, learningRates, Parameters[i].Penalized ? proximalScales : null);
                }
            }
        }
    }

    public void ZeroGradients()
    {
        foreach (var parameter in Parameters)
        {
            parameter.Value.grad?.zero_();
        }
    }

    /// <summary>Zeroes the optimizer state of the trials in <paramref name="trials"/> (<c>[K, 1, 1]</c> bool), e.g. a diverged trial's NaN moments.</summary>
    public abstract void ResetSlices(Tensor trials);

    /// <summary>
    /// Gives the trials in <paramref name="trials"/> (<c>[K, 1, 1]</c> bool) the state of a new optimizer, as a single run's
    /// refit gets one: their moments are zeroed and, for Adam, their bias corrections count steps from here.
    /// </summary>
    public virtual void RestartSlices(Tensor trials) => ResetSlices(trials);

    public abstract void Dispose();

    protected virtual void BeginStep()
    {
    }

    protected abstract void Update(int index, Tensor value, Tensor gradient, Tensor learningRates, Tensor? proximalScales);
}
