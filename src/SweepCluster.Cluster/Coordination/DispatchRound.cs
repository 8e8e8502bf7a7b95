namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// What one dispatch decided (<see cref="DispatchDesk"/>): the <paramref name="Deliveries"/> to make, in order, and whether
/// nothing was left to hand out (<paramref name="Exhausted"/>: the sweep may be complete).
/// </summary>
internal sealed record DispatchRound(IReadOnlyList<Delivery> Deliveries, bool Exhausted);
