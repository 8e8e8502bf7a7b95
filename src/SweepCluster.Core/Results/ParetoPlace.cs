namespace SweepCluster.Core.Results;

/// <summary>
/// Where a leaderboard row stands in a sweep with several objectives: its <paramref name="Front"/> (1: no other row is at
/// least as good on every objective and better on one) and its NSGA-II <paramref name="Crowding"/> distance within that
/// front (infinite for a front's boundary rows; larger is more isolated, so listed first).
/// </summary>
public sealed record ParetoPlace(int Front, double Crowding);
