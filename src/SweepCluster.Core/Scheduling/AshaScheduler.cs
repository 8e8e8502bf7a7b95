using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>
/// ASHA, asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter Tuning",
/// arXiv 1810.05934), in its stopping form: a trial is never paused and resumed, it goes on or stops at each rung.
/// <para>
/// With R = the trials' epochs, grace g and reduction factor η, the rungs are the epochs r_k = g·η^k (k = 0, 1, …)
/// below R; a trial waits for a decision after each. Every trial's value at a rung joins that rung's results. With n
/// those results so far (this one included), ceil(n/η) of them may go on: the trial goes on iff fewer than ceil(n/η)
/// earlier results at the rung are better than or equal to its value (it is among the top 1/η so far) and fewer than
/// ceil(n/η) trials have gone on from the rung yet; then it counts as promoted. So at every moment a rung has promoted
/// at most ceil(n/η) of its n results, no trial stops before g epochs, and the first trial at a rung goes on (ceil
/// rounds 1/η of one result up to one). A trial that arrives late with a top value may still stop, because the rung
/// has already promoted as many as its results allow: the price of deciding at once, without waiting for the rest.
/// </para>
/// <para>
/// Better is lower for minimize and higher for maximize; NaN and ±∞ are worse than any number. A report at an epoch that
/// is not a rung goes on and changes nothing; a report of a (trial, rung) already decided gets the first decision again.
/// State: one sorted list of values per rung and one decision per rung result; a decision costs O(log n) to rank and
/// O(n) to insert (a block move).
/// </para>
/// </summary>
public sealed class AshaScheduler : ITrialScheduler
{
    private readonly string label;
    private readonly int[] rungEpochs;
    private readonly Rung[] rungs;
    private readonly Dictionary<(long Index, int Epoch), SchedulerDecision> decided = [];

    /// <param name="graceEpochs">g ≥ 1: the first rung; at or above <paramref name="maxEpochs"/> there are no rungs and every trial runs to its end.</param>
    /// <param name="reductionFactor">η ≥ 2.</param>
    /// <param name="maxEpochs">R ≥ 1, the trials' epochs (training.epochs).</param>
    public AshaScheduler(int graceEpochs, int reductionFactor, int maxEpochs, MetricGoal goal)
        : this(graceEpochs, reductionFactor, maxEpochs, goal, "asha")
    {
    }

    /// <param name="label">What reasons start with: "asha", or the Hyperband bracket this ASHA is.</param>
    internal AshaScheduler(int graceEpochs, int reductionFactor, int maxEpochs, MetricGoal goal, string label)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(graceEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        GraceEpochs = graceEpochs;
        ReductionFactor = reductionFactor;
        MaxEpochs = maxEpochs;
        Goal = goal;
        this.label = label;
        rungEpochs = [.. Rungs(graceEpochs, reductionFactor, maxEpochs)];
        rungs = [.. rungEpochs.Select(_ => new Rung())];
    }

    public int GraceEpochs { get; }

    public int ReductionFactor { get; }

    public int MaxEpochs { get; }

    public MetricGoal Goal { get; }

    /// <summary>The rung epochs g·η^k below R, ascending; the same for every trial.</summary>
    public IReadOnlyList<int> RungEpochs => rungEpochs;

    public IReadOnlyList<int> DecisionEpochs(long index) => rungEpochs;

    public bool Records(long index, int epoch) => RungOf(epoch) >= 0;

    public SchedulerDecision Report(long index, int epoch, double value)
    {
        var rung = RungOf(epoch);
        if (rung < 0)
        {
            return SchedulerDecision.GoOn;
        }
        if (decided.TryGetValue((index, epoch), out var first))
        {
            return first;
        }
        var decision = Decide(rung, value);
        decided.Add((index, epoch), decision);
        return decision;
    }

    private SchedulerDecision Decide(int rungIndex, double value)
    {
        var rung = rungs[rungIndex];
        var key = MetricOrder.Key(value, Goal);
        var rank = rung.Results.CountAtMost(key);
        rung.Results.Add(key);
        var n = rung.Results.Count;
        var allowed = (n + ReductionFactor - 1) / ReductionFactor;
        if (rank < allowed && rung.Promoted < allowed)
        {
            rung.Promoted++;
            return SchedulerDecision.GoOn;
        }
        var at = $"{label}: rung {rungIndex} (epoch {rungEpochs[rungIndex]}): {MetricOrder.Format(value)}";
        return SchedulerDecision.StopBecause(rank >= allowed
            ? $"{at} is not among the best {allowed} of {n} results so far"
            : $"{at} is among the best {allowed} of {n} results so far, but the rung already promoted {rung.Promoted} of {n}");
    }

    private int RungOf(int epoch) => Array.BinarySearch(rungEpochs, epoch) is var at and >= 0 ? at : -1;

    private static IEnumerable<int> Rungs(int grace, int eta, int maxEpochs)
    {
        for (long epoch = grace; epoch < maxEpochs; epoch *= eta)
        {
            yield return (int)epoch;
        }
    }

    /// <summary>One rung's results so far (as keys) and how many trials have gone on from it.</summary>
    private sealed class Rung
    {
        public SortedKeys Results { get; } = new();

        public int Promoted { get; set; }
    }
}
