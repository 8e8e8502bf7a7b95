namespace SweepCluster.Core.Search;

/// <summary>A finished trial as a search method sees it: its point in the unit cube and its loss (smaller is better; null: failed).</summary>
public sealed record SearchObservation(long Index, double[] Point, double? Loss);
