using Akka.Actor;
using SweepCluster.Core.Dispatch;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// A message for <paramref name="To"/> (an assignment for a worker, or a settled trial's entry for the results actor), to be
/// sent once the search's new <paramref name="Points"/> are journaled (at once when there are none).
/// </summary>
internal sealed record Delivery(IActorRef To, object Message, IReadOnlyList<SuggestedPoint> Points);
