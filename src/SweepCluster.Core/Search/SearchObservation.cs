namespace SweepCluster.Core.Search;

/// <summary>
/// A finished trial as a search method sees it: its point in the unit cube and its losses, one per objective (each
/// smaller is better; null: failed; pending trials have none yet).
/// </summary>
public sealed record SearchObservation(long Index, double[] Point, IReadOnlyList<double>? Values)
{
    /// <summary>The first objective's loss: a single-objective search's only one.</summary>
    public double? Loss => Values?[0];

    /// <summary>Whether every objective has a finite loss: a NaN or an infinity says no more than a failure.</summary>
    public bool HasLosses => Values is { } values && values.All(double.IsFinite);
}
