namespace SweepCluster.Core.Search;

/// <summary>
/// One listed parameter's distribution over its n values as TPE models it: each value gets prior_weight/n plus the
/// weights (<see cref="TpeWeights"/>, oldest first) of the observations that chose it, normalised.
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
        Array.Fill(probabilities, priorWeight / categories);
        var weights = TpeWeights.For(observed.Count);
        for (var i = 0; i < observed.Count; i++)
        {
            probabilities[observed[i]] += weights[i];
        }
        var total = probabilities.Sum();
        for (var c = 0; c < categories; c++)
        {
            probabilities[c] /= total;
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
