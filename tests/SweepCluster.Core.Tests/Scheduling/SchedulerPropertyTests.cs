using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Scheduling;

/// <summary>Invariants of every scheduler over seeded random curves and arrival orders, both goals.</summary>
public class SchedulerPropertyTests
{
    public static TheoryData<MetricGoal, int> Runs()
    {
        var data = new TheoryData<MetricGoal, int>();
        foreach (var goal in new[] { MetricGoal.Minimize, MetricGoal.Maximize })
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                data.Add(goal, seed);
            }
        }
        return data;
    }

    public static TheoryData<string> Kinds() => new() { "asha", "hyperband", "median" };

    private static ITrialScheduler Create(string kind, int epochs, MetricGoal goal) => kind switch
    {
        "asha" => new AshaSpec(2, 3).Create(epochs, goal),
        "hyperband" => new HyperbandSpec(1, 3).Create(epochs, goal),
        _ => new MedianSpec(2, 5).Create(epochs, goal),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Asha_never_stops_before_grace_nor_promotes_more_than_a_ceil_of_n_over_eta(MetricGoal goal, int seed)
    {
        // given ASHA with grace 2, η = 3 over 40 epochs (rungs 2, 6, 18)
        var asha = new AshaScheduler(2, 3, 40, goal);

        // when 400 trials run with random curves and arrivals
        var log = CurveSimulation.Run(asha, 400, 40, goal, seed);

        // then no rung ever promoted more than ceil(n/3) of its n results, stops are at rungs only, and some did stop
        AssertPromotionsBounded(log, _ => 0, asha.Records, 3);
        Assert.All(log.Where(d => d.Decision.Stop), d => Assert.Contains(d.Report.Epoch, asha.DecisionEpochs(d.Report.Index)));
        Assert.All(log.Where(d => d.Decision.Stop), d => Assert.True(d.Report.Epoch >= 2));
        Assert.Contains(log, d => d.Decision.Stop && d.Report.Epoch == 18);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Asha_decides_as_a_plain_reading_of_the_rule(MetricGoal goal, int seed)
    {
        // given ASHA and, beside it, the rule written out naively
        var asha = new AshaScheduler(1, 2, 20, goal);
        var results = new Dictionary<int, List<double>>();
        var promoted = new Dictionary<int, int>();

        // when 300 trials run
        var log = CurveSimulation.Run(asha, 300, 20, goal, seed);

        // then each first report at a rung stops exactly when the naive rule says so
        foreach (var (report, decision) in log.Where(d => !d.Report.Repeat && asha.RungEpochs.Contains(d.Report.Epoch)))
        {
            var earlier = results.TryGetValue(report.Epoch, out var list) ? list : results[report.Epoch] = [];
            var value = Badness(report.Value, goal);
            var rank = earlier.Count(v => v <= value);
            earlier.Add(value);
            var allowed = (int)Math.Ceiling(earlier.Count / 2.0);
            var goesOn = rank < allowed && promoted.GetValueOrDefault(report.Epoch) < allowed;
            if (goesOn)
            {
                promoted[report.Epoch] = promoted.GetValueOrDefault(report.Epoch) + 1;
            }
            Assert.Equal(!goesOn, decision.Stop);
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Hyperband_keeps_each_brackets_grace_and_promotion_bound(MetricGoal goal, int seed)
    {
        // given Hyperband over 81 epochs (the paper's brackets)
        var hyperband = new HyperbandScheduler(1, 3, 81, goal);

        // when 500 trials run
        var log = CurveSimulation.Run(hyperband, 500, 81, goal, seed);

        // then each bracket's rungs promote at most ceil(n/3), no trial stops before its bracket's grace, stops are at decision epochs
        AssertPromotionsBounded(log, index => hyperband.BracketOf(index).S, hyperband.Records, 3);
        foreach (var stop in log.Where(d => d.Decision.Stop).Select(d => d.Report))
        {
            Assert.True(stop.Epoch >= hyperband.BracketOf(stop.Index).GraceEpochs);
            Assert.Contains(stop.Epoch, hyperband.DecisionEpochs(stop.Index));
        }
        Assert.DoesNotContain(log, d => d.Decision.Stop && hyperband.BracketOf(d.Report.Index).S == 0);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Median_decides_as_a_plain_reading_of_the_rule(MetricGoal goal, int seed)
    {
        // given median stopping (warm-up 2, at least 5 others) and, beside it, the rule written out naively
        var median = new MedianScheduler(2, 5, 20, goal);
        var values = new Dictionary<long, Dictionary<int, double>>();

        // when 300 trials run
        var log = CurveSimulation.Run(median, 300, 20, goal, seed);

        // then each first report stops exactly when the naive rule says so, and only at a decision epoch
        foreach (var (report, decision) in log.Where(d => !d.Report.Repeat))
        {
            var others = values.Where(t => t.Key != report.Index && t.Value.ContainsKey(report.Epoch))
                .Select(t => Badness(t.Value[report.Epoch], goal)).Order().ToList();
            var mine = values.TryGetValue(report.Index, out var trial) ? trial : values[report.Index] = [];
            mine[report.Epoch] = report.Value;
            var best = mine.Where(e => e.Key <= report.Epoch).Min(e => Badness(e.Value, goal));
            var middle = others.Count % 2 == 1 ? others[others.Count / 2]
                : others.Count == 0 ? 0 : (others[(others.Count / 2) - 1] / 2) + (others[others.Count / 2] / 2);
            var stops = report.Epoch > 2 && report.Epoch < 20 && others.Count >= 5 && best > middle;
            Assert.Equal(stops, decision.Stop);
        }
        Assert.Contains(log, d => d.Decision.Stop);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_stop_is_at_a_decision_epoch_and_gives_a_reason(string kind)
    {
        foreach (var goal in new[] { MetricGoal.Minimize, MetricGoal.Maximize })
        {
            // given a scheduler
            var scheduler = Create(kind, 30, goal);

            // when 300 trials run
            var log = CurveSimulation.Run(scheduler, 300, 30, goal, 11);

            // then every stop is at one of the trial's decision epochs, with a reason naming the rule
            var stops = log.Where(d => d.Decision.Stop).ToList();
            Assert.NotEmpty(stops);
            Assert.All(stops, d => Assert.Contains(d.Report.Epoch, scheduler.DecisionEpochs(d.Report.Index)));
            Assert.All(stops, d => Assert.StartsWith(kind, d.Decision.Reason));
            Assert.All(log.Where(d => !d.Decision.Stop), d => Assert.Null(d.Decision.Reason));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_repeated_report_gets_the_first_decision(string kind)
    {
        // given a run with repeated reports of (trial, epoch)
        var scheduler = Create(kind, 30, MetricGoal.Minimize);
        var log = CurveSimulation.Run(scheduler, 300, 30, MetricGoal.Minimize, 5, repeatRate: 0.2);

        // then each repeat got exactly the decision of its first report
        var first = log.Where(d => !d.Report.Repeat).ToDictionary(d => (d.Report.Index, d.Report.Epoch), d => d.Decision);
        var repeats = log.Where(d => d.Report.Repeat).ToList();
        Assert.True(repeats.Count > 100);
        Assert.All(repeats, d => Assert.Equal(first[(d.Report.Index, d.Report.Epoch)], d.Decision));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Replaying_the_reports_to_a_fresh_scheduler_gives_the_same_decisions(string kind)
    {
        // given the decisions of a run
        var log = CurveSimulation.Run(Create(kind, 30, MetricGoal.Maximize), 300, 30, MetricGoal.Maximize, 7);

        // when a fresh scheduler gets the same reports in the same order
        var fresh = Create(kind, 30, MetricGoal.Maximize);
        var replayed = log.Select(d => fresh.Report(d.Report.Index, d.Report.Epoch, d.Report.Value)).ToList();

        // then it decides exactly the same, reasons included
        Assert.Equal(log.Select(d => d.Decision), replayed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Replaying_only_the_recorded_reports_restores_the_state(string kind)
    {
        // given a run, and a resumed scheduler fed only the reports its Records said change the state (what the coordinator journals)
        var original = Create(kind, 30, MetricGoal.Minimize);
        var log = CurveSimulation.Run(original, 200, 30, MetricGoal.Minimize, 9);
        var resumed = Create(kind, 30, MetricGoal.Minimize);
        var recorded = log.Where(d => original.Records(d.Report.Index, d.Report.Epoch)).ToList();
        var replayed = recorded.Select(d => resumed.Report(d.Report.Index, d.Report.Epoch, d.Report.Value)).ToList();

        // when both go on with the same new trials
        var after = CurveSimulation.Run(original, 100, 30, MetricGoal.Minimize, 10, firstIndex: 200);
        var afterResumed = CurveSimulation.Run(resumed, 100, 30, MetricGoal.Minimize, 10, firstIndex: 200);

        // then the journaled reports got their decisions again, unrecorded reports never stopped anyone, and the futures agree
        Assert.Equal(recorded.Select(d => d.Decision), replayed);
        Assert.All(log.Where(d => !original.Records(d.Report.Index, d.Report.Epoch)), d => Assert.False(d.Decision.Stop));
        Assert.Equal(after.Select(d => d.Decision), afterResumed.Select(d => d.Decision));
    }

    /// <summary>After every first report at a rung (an epoch the scheduler records), the rung's promotions are at most ceil(n/η) of its n results.</summary>
    private static void AssertPromotionsBounded(IReadOnlyList<Decided> log, Func<long, int> groupOf, Func<long, int, bool> isRung, int eta)
    {
        var results = new Dictionary<(int Group, int Epoch), int>();
        var promotions = new Dictionary<(int Group, int Epoch), int>();
        foreach (var (report, decision) in log.Where(d => !d.Report.Repeat && isRung(d.Report.Index, d.Report.Epoch)))
        {
            var rung = (groupOf(report.Index), report.Epoch);
            var n = results[rung] = results.GetValueOrDefault(rung) + 1;
            var promoted = promotions[rung] = promotions.GetValueOrDefault(rung) + (decision.Stop ? 0 : 1);
            Assert.True(promoted <= (n + eta - 1) / eta, $"rung {rung}: {promoted} promoted of {n}");
        }
        Assert.NotEmpty(results);
    }

    private static double Badness(double value, MetricGoal goal) =>
        !double.IsFinite(value) ? double.PositiveInfinity : goal == MetricGoal.Minimize ? value : -value;
}
