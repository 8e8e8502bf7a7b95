namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// An assignment <paramref name="Worker"/> did not acknowledge in time. With <paramref name="Resend"/> it is sent again
/// (<paramref name="Sends"/> is then the count including this send); without, it was sent <paramref name="Sends"/> times
/// in vain and its trials go back to the queue.
/// </summary>
public sealed record LeaseExpiry<TWorker>(TWorker Worker, object Message, int Sends, bool Resend);
