namespace SweepCluster.Cluster.Coordination;

/// <summary>The coordinator's timers and the messages they send it (local only: they never cross the network).</summary>
internal static class CoordinatorTimers
{
    /// <summary>Every half lease, while running: the assignments not acknowledged in time are sent again or taken back.</summary>
    public const string LeaseTimer = "leases";

    /// <summary>Once, while syncing: the bound on waiting for the results actor to say what results.jsonl holds.</summary>
    public const string SyncTimer = "sync";

    public sealed record CheckLeases
    {
        public static CheckLeases Instance { get; } = new();
    }

    public sealed record SyncTimedOut
    {
        public static SyncTimedOut Instance { get; } = new();
    }
}
