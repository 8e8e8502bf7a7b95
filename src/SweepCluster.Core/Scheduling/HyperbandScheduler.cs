using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>
/// Hyperband (Li et al., "Hyperband: A Novel Bandit-Based Approach to Hyperparameter Optimization", arXiv 1603.06560)
/// with an ASHA (<see cref="AshaScheduler"/>) in each bracket, as ASHA's paper suggests for the asynchronous case.
/// <para>
/// With grace r, reduction factor η and R = the trials' epochs: s_max is the largest s with r·η^s ≤ R. The brackets are
/// s = s_max, …, 0; bracket s takes n_s = ceil((s_max+1)/(s+1) · η^s) trials (the paper's formula, in integers) and runs
/// its own ASHA with grace r·η^(s_max−s) and the same η. Bracket s_max stops hardest; bracket 0's grace r·η^s_max may
/// reach R, and then its trials all run to their end (where R is not r times a power of η, a rung below R remains).
/// R = 81, r = 1, η = 3 gives the paper's table: n = 81, 34, 15, 8, 5 with grace 1, 3, 9, 27, 81.
/// </para>
/// <para>
/// Trials go to brackets by index alone, by smooth weighted round robin with weights n_s: within every Σn_s consecutive
/// indices (a block, starting at 0) each bracket gets exactly n_s trials, and every prefix is within one trial of its
/// proportional share, so brackets fill evenly whatever the sweep's size. A bracket's decisions depend only on reports of
/// its own trials; reasons name the bracket.
/// </para>
/// </summary>
public sealed class HyperbandScheduler : ITrialScheduler
{
    private readonly AshaScheduler[] ashas;
    private readonly long blockSize;

    // The round robin's first block, computed as far as indices have been asked for (at most one block).
    private readonly List<byte> assignment = [];
    private readonly long[] currentWeights;

    /// <param name="graceEpochs">r ≥ 1, at most <paramref name="maxEpochs"/>.</param>
    /// <param name="reductionFactor">η ≥ 2.</param>
    /// <param name="maxEpochs">R, the trials' epochs (training.epochs).</param>
    public HyperbandScheduler(int graceEpochs, int reductionFactor, int maxEpochs, MetricGoal goal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(graceEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, graceEpochs);
        Brackets = BracketsFor(graceEpochs, reductionFactor, maxEpochs);
        ashas = [.. Brackets.Select(b => new AshaScheduler(b.GraceEpochs, reductionFactor, maxEpochs, goal,
            $"hyperband bracket s={b.S} (grace {b.GraceEpochs})"))];
        blockSize = Brackets.Sum(b => (long)b.Trials);
        currentWeights = new long[Brackets.Count];
    }

    /// <summary>The brackets from s = s_max down to 0.</summary>
    public IReadOnlyList<HyperbandBracket> Brackets { get; }

    /// <summary>s_max: the largest s with r·η^s ≤ R.</summary>
    public int SMax => Brackets[0].S;

    /// <summary>The bracket of trial <paramref name="index"/>.</summary>
    public HyperbandBracket BracketOf(long index) => Brackets[PositionOf(index)];

    public IReadOnlyList<int> DecisionEpochs(long index) => AshaOf(index).DecisionEpochs(index);

    public bool Records(long index, int epoch) => AshaOf(index).Records(index, epoch);

    public SchedulerDecision Report(long index, int epoch, double value) => AshaOf(index).Report(index, epoch, value);

    /// <summary>The brackets for grace r, reduction factor η and R epochs, s = s_max first; exact integer arithmetic.</summary>
    public static IReadOnlyList<HyperbandBracket> BracketsFor(int graceEpochs, int reductionFactor, int maxEpochs)
    {
        var maxS = 0;
        for (long top = (long)graceEpochs * reductionFactor; top <= maxEpochs; top *= reductionFactor)
        {
            maxS++;
        }
        var brackets = new List<HyperbandBracket>();
        for (var s = maxS; s >= 0; s--)
        {
            var power = Power(reductionFactor, s);
            var trials = (((maxS + 1) * power) + s) / (s + 1);
            brackets.Add(new HyperbandBracket(s, checked((int)trials), checked((int)(graceEpochs * Power(reductionFactor, maxS - s)))));
        }
        return brackets;
    }

    private AshaScheduler AshaOf(long index) => ashas[PositionOf(index)];

    private int PositionOf(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var inBlock = index % blockSize;
        while (assignment.Count <= inBlock)
        {
            assignment.Add(NextInRoundRobin());
        }
        return assignment[(int)inBlock];
    }

    /// <summary>Smooth weighted round robin (as nginx's): every weight grows by n_s, the largest (first on ties) is picked and drops by Σn_s.</summary>
    private byte NextInRoundRobin()
    {
        var picked = 0;
        for (var i = 0; i < currentWeights.Length; i++)
        {
            currentWeights[i] += Brackets[i].Trials;
            if (currentWeights[i] > currentWeights[picked])
            {
                picked = i;
            }
        }
        currentWeights[picked] -= blockSize;
        return (byte)picked;
    }

    private static long Power(int b, int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= b;
        }
        return result;
    }
}
