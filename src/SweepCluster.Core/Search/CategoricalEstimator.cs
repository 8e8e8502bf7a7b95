namespace SweepCluster.Core.Search;

/// <summary>
/// One listed parameter's distribution over its n values as Optuna's TPE models it: a mixture of one kernel per
/// observation and a uniform prior kernel. With k = observations + 1 kernels, an observation's kernel puts
/// prior_weight/k on every value plus 1 on the value it chose, normalised; the mixture weighs the observations by
/// <see cref="TpeWeights"/> (oldest first) and the prior by prior_weight.
/// </summary>
internal sealed class CategoricalEstimator
{
    private readonly double[] probabilities;

    /// <param name="categories">How many values the parameter lists.</param>
    /// <param name="observed">The value each observation chose (0-based), oldest first.</param>
    public CategoricalEstimator(int categories, IReadOnlyList<int> observed, double priorWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(categories);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorWeight);
        probabilities = new double[categories];
        var weights = TpeWeights.For(observed.Count);
        var smoothing = priorWeight / (observed.Count + 1);
        var kernelTotal = categories * smoothing + 1;
        for (var i = 0; i < observed.Count; i++)
        {
            for (var c = 0; c < categories; c++)
            {
                probabilities[c] += weights[i] * (smoothing + (c == observed[i] ? 1 : 0)) / kernelTotal;
            }
        }
        for (var c = 0; c < categories; c++)
        {
            probabilities[c] = (probabilities[c] + priorWeight / categories) / (weights.Sum() + priorWeight);
        }
    }

    public IReadOnlyList<double> Probabilities => probabilities;

    public double LogProbability(int category) => Math.Log(probabilities[category]);

    /// <summary>A value drawn by its probability, a pure function of <paramref name="state"/>.</summary>
    public int Sample(ulong state)
    {
        var u = SplitMix64.ToUnit(SplitMix64.Nth(state, 0));
        var running = 0.0;
        for (var c = 0; c < probabilities.Length - 1; c++)
        {
            running += probabilities[c];
            if (u < running)
            {
                return c;
            }
        }
        return probabilities.Length - 1;
    }
}
