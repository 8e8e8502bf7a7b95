namespace SweepCluster.Training.Optimization;

/// <summary>
/// Updates parameters from their gradients. With a proximal strength above zero, each penalized
/// parameter is then soft-thresholded by its own step size: <c>w ← sign(w)·max(|w| − t, 0)</c>.
/// </summary>
public interface IParameterOptimizer : IDisposable
{
    void Step(double proximalLambda);

    void ZeroGradients();
}
