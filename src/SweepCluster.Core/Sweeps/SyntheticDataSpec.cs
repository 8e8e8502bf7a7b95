namespace SweepCluster.Core.Sweeps;

/// <summary>
/// A generated classification problem: <paramref name="Informative"/> of the <paramref name="Features"/>
/// carry the signal, the rest are noise. Deterministic from <paramref name="Seed"/>.
/// </summary>
public sealed record SyntheticDataSpec(
    int Samples,
    int Features,
    int Informative,
    int Classes,
    long Seed,
    double ValidationFraction = 0.2) : DataSpec(ValidationFraction);
