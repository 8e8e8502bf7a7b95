using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// The loop every optimizer of ours shares: under no-grad, each parameter with a gradient gets the optimizer's
/// update and, when the step is proximal and the parameter penalized, the soft-threshold with the optimizer's
/// own step size. Subclasses write the per-parameter arithmetic only.
/// </summary>
public abstract class ParameterOptimizer(IReadOnlyList<OptimizedParameter> parameters) : IParameterOptimizer
{
    protected IReadOnlyList<OptimizedParameter> Parameters { get; } = parameters;

    public void Step(double proximalLambda)
    {
        BeginStep();
        using (torch.no_grad())
        {
            for (var i = 0; i < Parameters.Count; i++)
            {
                if (Parameters[i].Value.grad is { } gradient)
                {
                    var lambda = Parameters[i].Penalized ? proximalLambda : 0;
                    Update(i, Parameters[i].Value, gradient, lambda);
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

    public abstract void Dispose();

    /// <summary>Called once per step before any parameter is updated (e.g. to advance a step counter).</summary>
    protected virtual void BeginStep()
    {
    }

    /// <summary>Updates <paramref name="value"/> in place; with <paramref name="proximalLambda"/> above 0, soft-thresholds it too.</summary>
    protected abstract void Update(int index, Tensor value, Tensor gradient, double proximalLambda);
}
