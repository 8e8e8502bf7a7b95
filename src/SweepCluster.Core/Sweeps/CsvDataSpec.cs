namespace SweepCluster.Core.Sweeps;

/// <summary>A CSV file with numeric feature columns and a <paramref name="Label"/> column (class names or integers).</summary>
/// <param name="Path">Absolute path (the parser resolves it against the sweep file).</param>
public sealed record CsvDataSpec(
    string Path,
    string Label,
    long SplitSeed = 0,
    double ValidationFraction = 0.2) : DataSpec(ValidationFraction);
