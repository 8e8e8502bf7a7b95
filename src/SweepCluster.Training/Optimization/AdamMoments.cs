using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// Adam's state as <c>torch.optim.Adam</c> keeps it (no weight decay, no amsgrad): the first and second moments of each
/// parameter and the step's bias corrections. Shared by the single and the packed Adam, which differ only in how the
/// learning rate scales the step, so that their arithmetic cannot drift apart.
/// </summary>
internal sealed class AdamMoments : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly List<Tensor> firstMoments;
    private readonly List<Tensor> secondMoments;
    private long step;
    private double correction2;

    public AdamMoments(IReadOnlyList<OptimizedParameter> parameters)
    {
        firstMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
        secondMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
    }

    /// <summary>The first moment's bias correction <c>1 − β₁^t</c> of the current step.</summary>
    public double Correction1 { get; private set; }

    public void BeginStep()
    {
        step++;
        Correction1 = 1 - Math.Pow(Beta1, step);
        correction2 = 1 - Math.Pow(Beta2, step);
    }

    /// <summary>Moves parameter <paramref name="index"/>'s moments on by <paramref name="gradient"/>; returns the step's denominator <c>√v̂ + ε</c>.</summary>
    public Tensor Advance(int index, Tensor gradient)
    {
        firstMoments[index].mul_(Beta1).add_(gradient, 1 - Beta1);
        secondMoments[index].mul_(Beta2).addcmul_(gradient, gradient, 1 - Beta2);
        return secondMoments[index].sqrt().div_(Math.Sqrt(correction2)).add_(Epsilon);
    }

    public Tensor First(int index) => firstMoments[index];

    /// <summary>Zeroes the moments' slices of the trials in <paramref name="trials"/> (<c>[K, 1, 1]</c> bool) of a packed optimizer.</summary>
    public void ResetSlices(Tensor trials)
    {
        firstMoments.ForEach(m => m.masked_fill_(trials, 0));
        secondMoments.ForEach(v => v.masked_fill_(trials, 0));
    }

    public void Dispose()
    {
        firstMoments.ForEach(t => t.Dispose());
        secondMoments.ForEach(t => t.Dispose());
    }
}
