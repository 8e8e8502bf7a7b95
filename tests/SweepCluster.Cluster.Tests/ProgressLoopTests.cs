using System.Threading.Channels;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// The one progress loop of both hosts (issue 27). The coordinator is a probe that the test answers by hand, and the
/// interval a timer that fires only when the test ticks it, so each step is driven, never raced.
/// </summary>
public sealed class ProgressLoopTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // The loops here wait up to 10 minutes for an answer, and "at once" allows a minute: a loop that waited for the unanswered
    // query would miss it by far, while a loaded machine cannot delay a correct one that long.
    private static readonly TimeSpan Query = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AtOnce = TimeSpan.FromMinutes(1);

    private readonly ManualTicker ticker = new();
    private readonly TestProbe coordinator;
    private readonly Channel<SweepStatus> reports = Channel.CreateUnbounded<SweepStatus>();
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProgressLoopTests() => coordinator = CreateTestProbe();

    [Fact]
    public async Task It_reports_at_once_then_once_per_tick_with_the_coordinators_answer()
    {
        // given a loop on a coordinator that answers by hand
        using var stop = new CancellationTokenSource();
        var run = Loop().RunAsync(ended.Task, completed.Task, stop.Token);

        // when it starts, then the first report is the coordinator's answer, without waiting for a tick
        Answer(done: 1);
        Assert.Equal(1, (await NextReportAsync()).Done);
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // when the interval passes twice, then it asks again each time and reports each answer
        ticker.Tick();
        Answer(done: 2);
        Assert.Equal(2, (await NextReportAsync()).Done);
        ticker.Tick();
        Answer(done: 3);
        Assert.Equal(3, (await NextReportAsync()).Done);

        await stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task Cancelling_stop_ends_it_at_once_without_a_last_report_even_for_an_unanswered_query()
    {
        // given a loop whose first query the coordinator never answers
        using var stop = new CancellationTokenSource();
        var run = Loop().RunAsync(ended.Task, completed.Task, stop.Token);
        coordinator.ExpectMsg<GetSweepStatus>(Patience);

        // when the host stops it (the sweep has even completed meanwhile)
        completed.SetResult();
        await stop.CancelAsync();

        // then it ends before the query would time out, reports nothing, and a tick asks nothing more
        await run.WaitAsync(AtOnce);
        ticker.Tick();
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.False(reports.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_completed_sweep_gets_one_last_report_after_its_end()
    {
        // given a loop that has reported once
        var run = Loop().RunAsync(ended.Task, completed.Task, CancellationToken.None);
        Answer(done: 1);
        Assert.Equal(1, (await NextReportAsync()).Done);

        // when the sweep completes
        completed.SetResult();
        ended.SetResult();

        // then the loop asks once more, reports the final counts, and ends
        Answer(done: 6);
        Assert.Equal(6, (await NextReportAsync()).Done);
        await run.WaitAsync(Patience);
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_sweep_that_failed_ends_it_at_once_without_waiting_for_a_coordinator_that_never_answers()
    {
        // given a loop whose query the coordinator (say, one still in Syncing) keeps unanswered
        var run = Loop().RunAsync(ended.Task, completed.Task, CancellationToken.None);
        coordinator.ExpectMsg<GetSweepStatus>(Patience);

        // when the sweep ends without completing (the results actor failed)
        ended.SetResult();

        // then the loop ends before the query would time out, with no report and no last query
        await run.WaitAsync(AtOnce);
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.False(reports.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Without_anyone_to_report_to_it_asks_nothing()
    {
        // given a loop with neither counts nor details wanted
        var loop = new ProgressLoop(coordinator.Ref, ActorRefs.Nobody, [], null, null, TimeSpan.FromSeconds(1), ticker, Query);

        // when it runs, then it returns at once and the coordinator is never asked
        await loop.RunAsync(ended.Task, completed.Task, CancellationToken.None).WaitAsync(AtOnce);
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private ProgressLoop Loop() =>
        new(coordinator.Ref, ActorRefs.Nobody, [], new ChannelProgress(reports.Writer), null, TimeSpan.FromSeconds(1), ticker, Query);

    /// <summary>Waits for the loop's next query and answers it with a status of <paramref name="done"/> of 6 trials done.</summary>
    private void Answer(long done)
    {
        coordinator.ExpectMsg<GetSweepStatus>(Patience);
        coordinator.Reply(new SweepStatus("test", 6, done, 6 - done, 0, 0, Stopping: false));
    }

    private async Task<SweepStatus> NextReportAsync() => await reports.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Hands each report to the test as it is made (Progress&lt;T&gt; would post it to a context later).</summary>
    private sealed class ChannelProgress(ChannelWriter<SweepStatus> writer) : IProgress<SweepStatus>
    {
        public void Report(SweepStatus value) => writer.TryWrite(value);
    }
}
