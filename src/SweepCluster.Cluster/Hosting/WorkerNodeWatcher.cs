using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using SweepCluster.Core.Monitoring;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// Tells a worker node's host when its session ends for good: a worker heard <see cref="SweepOver"/>, the
/// coordinator's node left the cluster gracefully (it finished, or it was stopped), or the node has had no
/// coordinator for its idle-exit time. A coordinator that is downed (crashed) is not an end by itself: the node's own
/// session ends and the host joins again, and the idle clock runs on. It keeps the node's
/// <see cref="CoordinatorAbsence"/> up to date (a coordinator-role member that is up and reachable counts as one)
/// and, while there is none, says at a bounded rate that it waits and how much longer.
/// </summary>
public sealed class WorkerNodeWatcher : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource<WorkerNodeExit> ended;
    private readonly WorkerNodeWatch watch;
    private readonly ILoggingAdapter log = Context.GetLogger();
    // By unique address: a coordinator restarted at the same host and port is another member, not the unreachable one.
    private readonly HashSet<UniqueAddress> coordinators = [];
    private readonly HashSet<UniqueAddress> unreachable = [];

    public WorkerNodeWatcher(TaskCompletionSource<WorkerNodeExit> ended, WorkerNodeWatch watch)
    {
        this.ended = ended;
        this.watch = watch;
        Receive<SweepOver>(_ => ended.TrySetResult(WorkerNodeExit.SweepOver));
        Receive<ClusterEvent.CurrentClusterState>(OnState);
        Receive<ClusterEvent.MemberUp>(up => Update(() => AddIfCoordinator(up.Member)));
        Receive<ClusterEvent.MemberExited>(exited => Update(() => coordinators.Remove(exited.Member.UniqueAddress)));
        Receive<ClusterEvent.MemberRemoved>(OnRemoved);
        Receive<ClusterEvent.UnreachableMember>(u => Update(() => unreachable.Add(u.Member.UniqueAddress)));
        Receive<ClusterEvent.ReachableMember>(r => Update(() => unreachable.Remove(r.Member.UniqueAddress)));
        Receive<Tick>(_ => OnTick());
        Receive<ClusterEvent.IMemberEvent>(_ => { });
        Receive<ClusterEvent.IReachabilityEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(TaskCompletionSource<WorkerNodeExit> ended, WorkerNodeWatch watch) =>
        Akka.Actor.Props.Create(() => new WorkerNodeWatcher(ended, watch));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(SweepOver));
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        Timers.StartPeriodicTimer("tick", Tick.Instance, TickInterval);
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        // this session is over: until the next one finds a coordinator, the node has none
        watch.Absence.Lost();
    }

    private void OnState(ClusterEvent.CurrentClusterState state) => Update(() =>
    {
        foreach (var member in state.Members.Where(m => m.Status == MemberStatus.Up))
        {
            AddIfCoordinator(member);
        }
        unreachable.UnionWith(state.Unreachable.Select(m => m.UniqueAddress));
    });

    private void OnRemoved(ClusterEvent.MemberRemoved removed)
    {
        Update(() =>
        {
            coordinators.Remove(removed.Member.UniqueAddress);
            unreachable.Remove(removed.Member.UniqueAddress);
        });
        if (removed.Member.HasRole(AkkaConfig.CoordinatorRole) && removed.PreviousStatus == MemberStatus.Exiting)
        {
            ended.TrySetResult(WorkerNodeExit.CoordinatorLeft);
        }
    }

    private void AddIfCoordinator(Member member)
    {
        if (member.HasRole(AkkaConfig.CoordinatorRole))
        {
            coordinators.Add(member.UniqueAddress);
        }
    }

    private void Update(Action change)
    {
        change();
        if (coordinators.Any(c => !unreachable.Contains(c)))
        {
            watch.Absence.Found();
        }
        else
        {
            watch.Absence.Lost();
        }
    }

    private void OnTick()
    {
        var absence = watch.Absence;
        if (absence.Expired)
        {
            ended.TrySetResult(WorkerNodeExit.IdleTimeout); // the host says so
        }
        else if (absence.IsAbsent && absence.AbsentFor >= WorkerNodeWatch.WaitingReportAfter && watch.Throttle.Pass("waiting"))
        {
            log.Info(EventTemplates.WorkerWaiting, watch.NodeName, Durations.Human(absence.AbsentFor), string.Join(", ", watch.Seeds), absence.Outlook);
        }
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
