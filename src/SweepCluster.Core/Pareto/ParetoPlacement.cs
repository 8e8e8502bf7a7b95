namespace SweepCluster.Core.Pareto;

/// <summary>
/// Points in <see cref="ParetoOrder"/>: <paramref name="Order"/> lists their indices best first; <paramref name="Front"/>
/// and <paramref name="Crowding"/> give, by index, each point's front (1 = non-dominated) and its crowding distance within
/// it, null for a point without values.
/// </summary>
public sealed record ParetoPlacement(int[] Order, int?[] Front, double?[] Crowding);
