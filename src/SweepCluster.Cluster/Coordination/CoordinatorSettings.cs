namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// A failed trial runs at most <c>1 + MaxRetries</c> times before it fails for good. The coordinator journals
/// under <paramref name="PersistenceId"/> (default <c>sweep-&lt;name&gt;</c>); <paramref name="DefinitionHash"/>
/// identifies the sweep definition, and a journal started with another hash is refused ("" skips the check).
/// <paramref name="KeepModels"/>: how many top models the results actor keeps; the coordinator asks workers for a trained
/// model only with a trial that may enter them (0: never).
/// <paramref name="AssignmentLease"/>: how long a worker has to acknowledge an assignment before it is sent again (default
/// <see cref="DefaultAssignmentLease"/>; see <see cref="AssignmentLeases{TWorker}"/>).
/// <paramref name="SyncTimeout"/> and <paramref name="MaxStashedWhileSyncing"/>: the bound on waiting for the results actor
/// at start (defaults <see cref="SyncBound.DefaultTimeout"/> and <see cref="SyncBound.DefaultMaxStashed"/>; see <see cref="SyncBound"/>).
/// </summary>
public sealed record CoordinatorSettings(int MaxRetries = 2, string DefinitionHash = "", string? PersistenceId = null, int KeepModels = 0, TimeSpan? AssignmentLease = null,
    TimeSpan? SyncTimeout = null, int? MaxStashedWhileSyncing = null)
{
    public SyncBound NewSyncBound() => new(SyncTimeout ?? SyncBound.DefaultTimeout, MaxStashedWhileSyncing ?? SyncBound.DefaultMaxStashed);

    public static readonly TimeSpan DefaultAssignmentLease = TimeSpan.FromSeconds(5);

    public int MaxAttempts => 1 + Math.Max(0, MaxRetries);

    public TimeSpan Lease => AssignmentLease ?? DefaultAssignmentLease;
}
