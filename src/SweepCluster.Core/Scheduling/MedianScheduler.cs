using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>
/// Median stopping: Optuna's MedianPruner (after Google Vizier's median stopping rule) for asynchronous trials.
/// <para>
/// Every report is recorded. At epoch e with warmup &lt; e &lt; R (the trials' epochs), a trial stops iff at least
/// min_trials other trials have reported epoch e and the trial's best value over its epochs 1..e is worse than the
/// median of those other trials' values at epoch e (the mean of the two middle ones for an even count). Where Optuna
/// compares with finished trials only, this compares with every trial that has reached epoch e, so the rule works while
/// all trials are still running. Better is lower for minimize and higher for maximize; NaN and ±∞ count as worse than any
/// number (a diverged trial pulls the median towards stopping, where Optuna's nanmedian would leave it out).
/// </para>
/// <para>
/// A report of a (trial, epoch) already seen gets the first decision again and changes nothing. State: each trial's
/// values and decisions, and a sorted list of the values per epoch; a decision costs O(log n + the trial's epochs), an
/// insertion O(n) (a block move).
/// </para>
/// </summary>
public sealed class MedianScheduler : ITrialScheduler
{
    private readonly int[] decisionEpochs;
    private readonly Dictionary<long, Dictionary<int, Reported>> trials = [];
    private readonly Dictionary<int, SortedKeys> byEpoch = [];

    /// <param name="warmupEpochs">≥ 0: no trial stops at or before this epoch.</param>
    /// <param name="minTrials">≥ 1: how many other trials must have reported an epoch before a trial can stop there.</param>
    /// <param name="maxEpochs">R ≥ 1, the trials' epochs (training.epochs).</param>
    public MedianScheduler(int warmupEpochs, int minTrials, int maxEpochs, MetricGoal goal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupEpochs);
        ArgumentOutOfRangeException.ThrowIfLessThan(minTrials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        WarmupEpochs = warmupEpochs;
        MinTrials = minTrials;
        MaxEpochs = maxEpochs;
        Goal = goal;
        decisionEpochs = [.. Enumerable.Range(warmupEpochs + 1, Math.Max(0, maxEpochs - warmupEpochs - 1))];
    }

    public int WarmupEpochs { get; }

    public int MinTrials { get; }

    public int MaxEpochs { get; }

    public MetricGoal Goal { get; }

    /// <summary>warmup + 1, …, R − 1, for every trial.</summary>
    public IReadOnlyList<int> DecisionEpochs(long index) => decisionEpochs;

    public bool Records(long index, int epoch) => epoch >= 1;

    public SchedulerDecision Report(long index, int epoch, double value)
    {
        if (epoch < 1)
        {
            return SchedulerDecision.GoOn;
        }
        if (!trials.TryGetValue(index, out var reports))
        {
            reports = [];
            trials.Add(index, reports);
        }
        if (reports.TryGetValue(epoch, out var first))
        {
            return first.Decision;
        }
        if (!byEpoch.TryGetValue(epoch, out var others))
        {
            others = new SortedKeys();
            byEpoch.Add(epoch, others);
        }
        var reported = new Reported(value, MetricOrder.Key(value, Goal), SchedulerDecision.GoOn);
        reported = reported with { Decision = Decide(reports, epoch, reported, others) };
        reports.Add(epoch, reported);
        others.Add(reported.Key);
        return reported.Decision;
    }

    private SchedulerDecision Decide(Dictionary<int, Reported> reports, int epoch, Reported latest, SortedKeys others)
    {
        if (epoch <= WarmupEpochs || epoch >= MaxEpochs || others.Count < MinTrials)
        {
            return SchedulerDecision.GoOn;
        }
        var best = latest;
        foreach (var (earlier, report) in reports)
        {
            if (earlier <= epoch && report.Key < best.Key)
            {
                best = report;
            }
        }
        var median = others.Median();
        if (best.Key <= median)
        {
            return SchedulerDecision.GoOn;
        }
        // The median is finite here (the best is worse than it), so it maps back to a value.
        var (bestText, medianText) = MetricOrder.Format(best.Value, MetricOrder.Value(median, Goal));
        return SchedulerDecision.StopBecause(
            $"median: best {bestText} after epoch {epoch} is worse than the median {medianText} of {others.Count} {(others.Count == 1 ? "trial" : "trials")} at epoch {epoch}");
    }

    /// <summary>One report of a trial: the value as reported, its key, and the decision it got.</summary>
    private sealed record Reported(double Value, double Key, SchedulerDecision Decision);
}
