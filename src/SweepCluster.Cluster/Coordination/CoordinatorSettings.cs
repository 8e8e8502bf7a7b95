namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// A failed trial runs at most <c>1 + MaxRetries</c> times before it fails for good. The coordinator journals
/// under <paramref name="PersistenceId"/> (default <c>sweep-&lt;name&gt;</c>); <paramref name="DefinitionHash"/>
/// identifies the sweep definition, and a journal started with another hash is refused ("" skips the check).
/// </summary>
public sealed record CoordinatorSettings(int MaxRetries = 2, string DefinitionHash = "", string? PersistenceId = null)
{
    public int MaxAttempts => 1 + Math.Max(0, MaxRetries);
}
