using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// The Pareto front of a multi-objective sweep as <c>monitor</c> shows it: the objectives, how many done trials are on the
/// front (<paramref name="Size"/>) of the <paramref name="Ranked"/> with a value of each, and the hypervolume they dominate
/// up to <paramref name="Reference"/> (in the metrics' own units; the sweep file's, or the worst seen plus 10 % of the range).
/// </summary>
public sealed record FrontView(
    IReadOnlyList<MetricSpec> Objectives,
    int Size,
    int Ranked,
    double Hypervolume,
    IReadOnlyList<double> Reference,
    bool ReferenceGiven);
