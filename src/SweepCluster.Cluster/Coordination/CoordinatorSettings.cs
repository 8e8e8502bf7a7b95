namespace SweepCluster.Cluster.Coordination;

/// <summary>A failed trial runs at most <c>1 + MaxRetries</c> times before it fails for good.</summary>
public sealed record CoordinatorSettings(int MaxRetries = 2)
{
    public int MaxAttempts => 1 + Math.Max(0, MaxRetries);
}
