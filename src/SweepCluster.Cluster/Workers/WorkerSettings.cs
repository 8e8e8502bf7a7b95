namespace SweepCluster.Cluster.Workers;

/// <summary>
/// A worker's name, node and device (<c>cpu</c>, <c>cuda:0</c>, …: the device its trainer is pinned to), stamped into its results. <paramref name="DedicatedThread"/> trains each trial on
/// a thread of its own, so that minutes-long blocking training never holds thread-pool threads the actors need;
/// the control-plane benchmark turns it off because its trials take no time. With <paramref name="RegisterInterval"/>
/// (cluster nodes) the worker repeats its registration at that interval until a coordinator acknowledges it, and
/// again after that coordinator is gone (a singleton hand-over); in one process the first registration is enough.
/// <paramref name="NodeSlots"/> is how many worker slots its process runs, so that the coordinator sizes packs for
/// them all even before every sibling has registered. A trial waiting at a decision epoch reports the epoch again
/// every <paramref name="VerdictResendAfter"/> (default 30 s) until the scheduler's verdict comes.
/// </summary>
public sealed record WorkerSettings(string Name, string Node, bool DedicatedThread = true, TimeSpan? RegisterInterval = null, string Device = "cpu", int NodeSlots = 1,
    TimeSpan? VerdictResendAfter = null)
{
    public static TimeSpan DefaultVerdictResendAfter { get; } = TimeSpan.FromSeconds(30);
}
