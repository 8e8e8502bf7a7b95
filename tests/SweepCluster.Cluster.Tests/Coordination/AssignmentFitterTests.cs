using Akka.Actor;
using Akka.Event;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Logging;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests.Coordination;

public class AssignmentFitterTests
{
    private static readonly WorkerInfo Info = new("w0", "node-a", "cpu");

    /// <summary>A queue of ten trials whose first <paramref name="taken"/> were taken, and a fitter measuring 100 bytes per trial.</summary>
    private static (TrialQueue Queue, AssignmentFitter Fitter) NewFitter(long? maxPayloadBytes, int taken)
    {
        var source = InMemoryTrialSource.Of(10);
        var queue = new TrialQueue(10);
        for (var i = 0; i < taken; i++)
        {
            queue.TryTake(out _);
        }
        var fitter = new AssignmentFitter(maxPayloadBytes, (_, message) => message is AssignPack pack ? 100 * pack.Trials.Count : 100, queue,
            new TrialSearch(source), new ModelBar(source.Metric, 0), new TrialLog(NoLogger.Instance));
        return (queue, fitter);
    }

    private static List<Assignment> Held(params long[] indices) =>
        indices.Select(i => new Assignment(InMemoryTrialSource.Spec(i), 1, ActorRefs.Nobody, Info)).ToList();

    private static List<long> Next(TrialQueue queue, int count) =>
        Enumerable.Range(0, count).Select(_ => queue.TryTake(out var index) ? index : -1).ToList();

    [Fact]
    public void Without_a_frame_one_trial_goes_alone_and_several_go_as_a_pack()
    {
        var (_, fitter) = NewFitter(maxPayloadBytes: null, taken: 3);

        var one = Assert.IsType<AssignTrial>(fitter.Fit(ActorRefs.Nobody, Held(0), out var noFailure));
        var pack = Assert.IsType<AssignPack>(fitter.Fit(ActorRefs.Nobody, Held(1, 2), out _));

        Assert.Null(noFailure);
        Assert.Equal((0L, 1, null, null), (one.Trial.Index, one.Attempt, one.DecisionEpochs, one.Model));
        Assert.Equal([1L, 2], pack.Trials.Select(t => t.Trial.Index));
    }

    [Fact]
    public void A_pack_over_the_frame_is_cut_to_its_share_and_the_rest_goes_back_to_the_front_in_order()
    {
        // given a pack of four trials of 100 bytes each and a frame of 250 bytes
        var (queue, fitter) = NewFitter(maxPayloadBytes: 250, taken: 4);
        var held = Held(0, 1, 2, 3);

        // when it is fitted: it keeps 4 · 250 / 400 = 2 trials (200 bytes)
        var pack = Assert.IsType<AssignPack>(fitter.Fit(ActorRefs.Nobody, held, out var failure));

        // then trials 2 and 3 come next, before trial 4
        Assert.Null(failure);
        Assert.Equal([0L, 1], pack.Trials.Select(t => t.Trial.Index));
        Assert.Equal([0L, 1], held.Select(h => h.Trial.Index));
        Assert.Equal([2L, 3, 4], Next(queue, 3));
    }

    [Fact]
    public void A_single_trial_over_the_frame_fails_for_good_and_the_rest_of_its_pack_goes_back()
    {
        var (queue, fitter) = NewFitter(maxPayloadBytes: 50, taken: 2);

        var message = fitter.Fit(ActorRefs.Nobody, Held(0, 1), out var failure);

        Assert.Null(message);
        Assert.Equal("test-0", failure!.TrialId);
        Assert.Equal(TrialStatus.Failed, failure.Status);
        Assert.Equal(TrialFailureKind.Deterministic, failure.FailureKind);
        Assert.Equal("its assignment is 100 bytes, over the remoting frame of 50 bytes", failure.Reason);
        Assert.Equal([1L, 2], Next(queue, 2));
    }
}
