namespace SweepCluster.Core.Search;

/// <summary>
/// One parameter's density over the coordinate interval [0, 1] as TPE models it (Optuna's univariate Parzen estimator):
/// a mixture of Gaussians truncated to [0, 1], one centred on each observed coordinate plus a prior component
/// (mean 0.5, standard deviation 1). Bandwidths follow Optuna's defaults: each point's is the larger distance to its
/// neighbours in the sorted list of points and the prior mean (a first or last point has one neighbour: the domain's
/// ends do not count), clipped to [1/min(100, 1 + k), 1] where k is the number of components (the magic clip).
/// Observations weigh as <see cref="TpeWeights"/> says, by their order in the list (oldest first); the prior weighs
/// the given prior weight.
/// </summary>
internal sealed class ParzenEstimator
{
    private const double PriorMean = 0.5;
    private const double PriorSigma = 1.0;
    private const double MaxSigma = 1.0;

    /// <summary>Rejection draws before giving up on a component; each lands inside [0, 1) with probability over 1/3.</summary>
    private const int MaxTries = 128;

    private readonly double[] means;
    private readonly double[] sigmas;
    private readonly double[] cumulativeWeights;

    /// <summary>log(weight) − log(σ) − log √(2π) − log(mass inside [0, 1]) of each component.</summary>
    private readonly double[] logScales;

    public ParzenEstimator(IReadOnlyList<double> points, double priorWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorWeight);
        var n = points.Count;
        means = [.. points, PriorMean];
        sigmas = [.. Bandwidths(points), PriorSigma];
        double[] weights = [.. TpeWeights.For(n), priorWeight];
        var total = weights.Sum();
        cumulativeWeights = new double[n + 1];
        logScales = new double[n + 1];
        var running = 0.0;
        for (var k = 0; k <= n; k++)
        {
            var weight = weights[k] / total;
            running += weight;
            cumulativeWeights[k] = running;
            var mass = Normal.Cdf((1 - means[k]) / sigmas[k]) - Normal.Cdf((0 - means[k]) / sigmas[k]);
            logScales[k] = Math.Log(weight) - Math.Log(sigmas[k]) - Normal.LogSqrtTwoPi - Math.Log(mass);
        }
    }

    /// <summary>The components' standard deviations: the observations' in their order, then the prior's.</summary>
    public IReadOnlyList<double> Sigmas => sigmas;

    /// <summary>The log of the mixture's density at <paramref name="x"/> (a log-sum-exp over the components).</summary>
    public double LogDensity(double x)
    {
        var terms = new double[means.Length];
        var max = double.NegativeInfinity;
        for (var k = 0; k < terms.Length; k++)
        {
            var z = (x - means[k]) / sigmas[k];
            terms[k] = logScales[k] - 0.5 * z * z;
            max = Math.Max(max, terms[k]);
        }
        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += Math.Exp(term - max);
        }
        return max + Math.Log(sum);
    }

    /// <summary>
    /// A draw in [0, 1) from the mixture, a pure function of <paramref name="state"/>: the component by the first
    /// uniform, then normal draws of that component (Box–Muller) until one falls inside [0, 1).
    /// </summary>
    public double Sample(ulong state)
    {
        var k = Component(SplitMix64.ToUnit(SplitMix64.Nth(state, 0)));
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var u1 = 1 - SplitMix64.ToUnit(SplitMix64.Nth(state, 1 + 2 * attempt));
            var u2 = SplitMix64.ToUnit(SplitMix64.Nth(state, 2 + 2 * attempt));
            var x = means[k] + sigmas[k] * Normal.FromUniforms(u1, u2);
            if (x is >= 0 and < 1)
            {
                return x;
            }
        }
        // Out of reach in practice ((2/3)^128); the component's centre keeps the draw a valid coordinate.
        return Math.Min(means[k], Math.BitDecrement(1.0));
    }

    private int Component(double u)
    {
        var target = u * cumulativeWeights[^1];
        for (var k = 0; k < cumulativeWeights.Length - 1; k++)
        {
            if (target < cumulativeWeights[k])
            {
                return k;
            }
        }
        return cumulativeWeights.Length - 1;
    }

    private static double[] Bandwidths(IReadOnlyList<double> points)
    {
        var n = points.Count;
        if (n == 0)
        {
            return [];
        }
        // The points and the prior mean (position n), sorted; a stable sort keeps ties in list order, the prior last.
        var order = Enumerable.Range(0, n + 1).OrderBy(i => i < n ? points[i] : PriorMean).ToArray();
        var sorted = order.Select(i => i < n ? points[i] : PriorMean).ToArray();
        var minSigma = 1.0 / Math.Min(100.0, 1.0 + (n + 1));
        var sigmas = new double[n + 1];
        for (var s = 0; s <= n; s++)
        {
            var left = s > 0 ? sorted[s] - sorted[s - 1] : double.NegativeInfinity;
            var right = s < n ? sorted[s + 1] - sorted[s] : double.NegativeInfinity;
            sigmas[order[s]] = Math.Clamp(Math.Max(left, right), minSigma, MaxSigma);
        }
        return sigmas[..n];
    }
}
