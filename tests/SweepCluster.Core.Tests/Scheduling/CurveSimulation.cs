using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Scheduling;

/// <summary>One epoch report as the coordinator passes it on, and whether it repeated an earlier (trial, epoch).</summary>
internal sealed record EpochReport(long Index, int Epoch, double Value, bool Repeat);

/// <summary>A report and the decision it got.</summary>
internal sealed record Decided(EpochReport Report, SchedulerDecision Decision);

/// <summary>
/// Seeded learning curves run through a scheduler the way a cluster would: up to <c>parallel</c> trials at once, the
/// next report from a trial picked at random, new trials starting as others end, and now and then a report of an epoch
/// already reported (a re-run after a worker died) with a different value. Trials are numbered from <c>firstIndex</c>.
/// </summary>
internal static class CurveSimulation
{
    public static IReadOnlyList<Decided> Run(ITrialScheduler scheduler, int trials, int epochs, MetricGoal goal, int seed,
        int parallel = 16, double repeatRate = 0.05, long firstIndex = 0)
    {
        var random = new Random(seed);
        var curves = Enumerable.Range(0, trials).Select(_ => Curve(random, epochs, goal)).ToArray();
        var log = new List<Decided>();
        var running = new List<(long Index, int NextEpoch)>();
        var nextTrial = 0;
        while (nextTrial < trials || running.Count > 0)
        {
            while (running.Count < parallel && nextTrial < trials)
            {
                running.Add((nextTrial++, 1));
            }
            var slot = random.Next(running.Count);
            var (trial, epoch) = running[slot];
            var index = firstIndex + trial;
            if (epoch > 1 && random.NextDouble() < repeatRate)
            {
                var earlier = random.Next(1, epoch);
                var repeat = new EpochReport(index, earlier, Round(random.NextDouble()), true);
                log.Add(new Decided(repeat, scheduler.Report(repeat.Index, repeat.Epoch, repeat.Value)));
                continue;
            }
            var report = new EpochReport(index, epoch, curves[trial][epoch - 1], false);
            var decision = scheduler.Report(index, epoch, report.Value);
            log.Add(new Decided(report, decision));
            if (decision.Stop || epoch == epochs)
            {
                running.RemoveAt(slot);
            }
            else
            {
                running[slot] = (trial, epoch + 1);
            }
        }
        return log;
    }

    /// <summary>A loss-like curve falling from a random start to a random floor (an accuracy-like rising one for maximize), in steps of 0.01 so that ties happen; now and then NaN.</summary>
    private static double[] Curve(Random random, int epochs, MetricGoal goal)
    {
        var start = 1 + random.NextDouble();
        var floor = random.NextDouble();
        var rate = 0.05 + (random.NextDouble() * 0.5);
        return [.. Enumerable.Range(1, epochs).Select(e =>
        {
            if (random.NextDouble() < 0.01)
            {
                return double.NaN;
            }
            var loss = floor + ((start - floor) * Math.Exp(-rate * e)) + (0.05 * random.NextDouble());
            return Round(goal == MetricGoal.Minimize ? loss : 2 - loss);
        })];
    }

    private static double Round(double value) => Math.Round(value, 2);
}
