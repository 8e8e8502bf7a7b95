namespace SweepCluster.Core.Sweeps;

/// <summary>
/// A generated problem, deterministic from <paramref name="Seed"/>. For classification, <paramref name="Informative"/> of
/// the <paramref name="Features"/> carry the signal (class centroids), the rest are noise. For regression
/// (<see cref="DataSpec.Task"/>), the target is Friedman's first function of the first five inputs (uniform on [0, 1]),
/// <c>y = 10·sin(π·x0·x1) + 20·(x2 − 0.5)² + 10·x3 + 5·x4 + noise</c> with Gaussian noise of standard deviation
/// <paramref name="Noise"/>; <paramref name="Informative"/> is then 5 and <paramref name="Classes"/> 0.
/// </summary>
public sealed record SyntheticDataSpec(
    int Samples,
    int Features,
    int Informative,
    int Classes,
    long Seed,
    double ValidationFraction = 0.2,
    double Noise = 1.0) : DataSpec(ValidationFraction)
{
    /// <summary>The inputs Friedman's function reads: x0 … x4.</summary>
    public const int RegressionInformative = 5;
}
