using Akka.Actor;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// What one check of the leases found (<see cref="AssignmentDesk.Lapse"/>): the assignments to send again
/// (<paramref name="Resends"/>, in order), and the workers whose last send went unanswered (<paramref name="Lapsed"/>):
/// their trials are back in the queue, and they may be waiting for an answer that never came.
/// </summary>
internal sealed record LeaseRound(IReadOnlyList<Delivery> Resends, IReadOnlyList<IActorRef> Lapsed);
