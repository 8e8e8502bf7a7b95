using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// Adam's state as <c>torch.optim.Adam</c> keeps it (no weight decay, no amsgrad): the first and second moments of each
/// parameter and the step's bias corrections. Shared by the single and the packed Adam, which differ only in how the
/// learning rate scales the step, so that their arithmetic cannot drift apart. Its numbers reach libtorch as Scalars it
/// holds for the whole call, as everywhere in training (docs/architecture.md, "Numbers passed to libtorch", says why).
/// </summary>
internal sealed class AdamMoments : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly List<Tensor> firstMoments;
    private readonly List<Tensor> secondMoments;
    private readonly Scalar beta1 = Beta1.ToScalar();
    private readonly Scalar oneMinusBeta1 = (1 - Beta1).ToScalar();
    private readonly Scalar beta2 = Beta2.ToScalar();
    private readonly Scalar oneMinusBeta2 = (1 - Beta2).ToScalar();
    private readonly Scalar epsilon = Epsilon.ToScalar();
    private readonly Scalar one = 1.0.ToScalar();
    private long step;
    private Scalar? sqrtCorrection2;

    public AdamMoments(IReadOnlyList<OptimizedParameter> parameters)
    {
        firstMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
        secondMoments = parameters.Select(p => torch.zeros_like(p.Value)).ToList();
    }

    /// <summary>Steps taken so far (the current one included, once begun).</summary>
    public long Step => step;

    /// <summary>The first moment's bias correction <c>1 − β₁^t</c> of step <paramref name="t"/>.</summary>
    public static double Correction1At(long t) => 1 - Math.Pow(Beta1, t);

    /// <summary>The square root of the second moment's bias correction, <c>√(1 − β₂^t)</c>, of step <paramref name="t"/>.</summary>
    public static double SqrtCorrection2At(long t) => Math.Sqrt(1 - Math.Pow(Beta2, t));

    /// <summary>The first moment's bias correction <c>1 − β₁^t</c> of the current step.</summary>
    public double Correction1 { get; private set; }

    public void BeginStep()
    {
        step++;
        Correction1 = Correction1At(step);
        sqrtCorrection2?.Dispose();
        sqrtCorrection2 = SqrtCorrection2At(step).ToScalar();
    }

    /// <summary>Moves parameter <paramref name="index"/>'s moments on by <paramref name="gradient"/>; returns the step's denominator <c>√v̂ + ε</c>.</summary>
    public Tensor Advance(int index, Tensor gradient)
    {
        firstMoments[index].mul_(beta1).add_(gradient, oneMinusBeta1);
        secondMoments[index].mul_(beta2).addcmul_(gradient, gradient, oneMinusBeta2);
        return secondMoments[index].sqrt().div_(sqrtCorrection2!).add_(epsilon, one);
    }

    /// <summary>
    /// As <see cref="Advance(int, Tensor)"/> with a bias correction per trial of a packed optimizer
    /// (<paramref name="sqrtCorrections2"/> <c>[K, 1, 1]</c>), for trials whose state restarted at different steps.
    /// </summary>
    public Tensor Advance(int index, Tensor gradient, Tensor sqrtCorrections2)
    {
        firstMoments[index].mul_(beta1).add_(gradient, oneMinusBeta1);
        secondMoments[index].mul_(beta2).addcmul_(gradient, gradient, oneMinusBeta2);
        return secondMoments[index].sqrt().div_(sqrtCorrections2).add_(epsilon, one);
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
        foreach (var scalar in new[] { beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon, one, sqrtCorrection2 })
        {
            scalar?.Dispose();
        }
    }
}
