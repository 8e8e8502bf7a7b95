using Akka.Actor;
using Akka.Cluster;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Tells a worker node's host when its session ends for good: a worker heard <see cref="SweepOver"/>, or the
/// coordinator's node left the cluster gracefully (it finished, or it was stopped). A coordinator that is
/// downed (crashed) is not an end: the node's own session ends and the host joins again.
/// </summary>
public sealed class WorkerNodeWatcher : ReceiveActor
{
    private readonly TaskCompletionSource<WorkerNodeExit> ended;

    public WorkerNodeWatcher(TaskCompletionSource<WorkerNodeExit> ended)
    {
        this.ended = ended;
        Receive<SweepOver>(_ => ended.TrySetResult(WorkerNodeExit.SweepOver));
        Receive<ClusterEvent.MemberRemoved>(OnRemoved);
        Receive<ClusterEvent.CurrentClusterState>(_ => { });
    }

    public static Props Props(TaskCompletionSource<WorkerNodeExit> ended) => Akka.Actor.Props.Create(() => new WorkerNodeWatcher(ended));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(SweepOver));
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
    }

    private void OnRemoved(ClusterEvent.MemberRemoved removed)
    {
        if (removed.Member.HasRole(AkkaConfig.CoordinatorRole) && removed.PreviousStatus == MemberStatus.Exiting)
        {
            ended.TrySetResult(WorkerNodeExit.CoordinatorLeft);
        }
    }
}
