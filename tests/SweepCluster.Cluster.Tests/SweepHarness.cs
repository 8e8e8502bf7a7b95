using Akka.Actor;
using Akka.TestKit;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Results;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>Starts a results actor, a coordinator and workers inside a test's actor system.</summary>
internal sealed class SweepHarness : IDisposable
{
    private readonly List<IActorRef> workers = [];

    public SweepHarness(ActorSystem system, ITrialSource source, int maxRetries = 2, TimeSpan? assignmentLease = null)
    {
        System = system;
        Paths = new SweepOutputPaths(Path.Combine(Path.GetTempPath(), $"sweepcluster-test-{Guid.NewGuid():N}"));
        Results = system.ActorOf(ResultsActor.Props(new ResultsSettings(Paths, source.Metric, source.SweptParameters)));
        Coordinator = system.ActorOf(CoordinatorActor.Props(source, Results, new CoordinatorSettings(maxRetries, AssignmentLease: assignmentLease)));
    }

    public ActorSystem System { get; }

    public SweepOutputPaths Paths { get; }

    public IActorRef Results { get; }

    public IActorRef Coordinator { get; }

    public IReadOnlyList<IActorRef> Workers => workers;

    public IActorRef AddWorker(ITrialTrainer trainer, string name, int nodeSlots = 1)
    {
        var worker = System.ActorOf(WorkerActor.Props(Coordinator, trainer, new WorkerSettings(name, "test-node", NodeSlots: nodeSlots)), name);
        workers.Add(worker);
        return worker;
    }

    public void Dispose()
    {
        StopResultsWriting();
        if (Directory.Exists(Paths.Directory))
        {
            Directory.Delete(Paths.Directory, recursive: true);
        }
    }

    /// <summary>
    /// The results actor renders report.html on a pool thread; deleting the folder under it fails with "directory
    /// not empty". A flush is answered once every write is done; stopping the actor then ends its writing for good.
    /// </summary>
    private void StopResultsWriting()
    {
        try
        {
            Results.Ask<ResultsProtocol.LeaderboardSnapshot>(ResultsProtocol.FlushLeaderboard.Instance, TimeSpan.FromSeconds(30)).Wait();
            Results.GracefulStop(TimeSpan.FromSeconds(10)).Wait();
        }
        catch (AggregateException)
        {
            // The test already stopped the results actor or its system: nothing is writing any more.
        }
    }
}
