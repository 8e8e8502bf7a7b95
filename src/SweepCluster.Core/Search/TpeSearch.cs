using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Search;

/// <summary>
/// Tree-structured Parzen estimator search (Bergstra et al., 2011; Watanabe, 2023), as Optuna's independent
/// TPESampler: every parameter is modelled on its own, in the unit-cube coordinate, so a log-uniform domain is modelled
/// in log space and an integer one as ordered values.
/// <list type="bullet">
/// <item>Until <see cref="TpeSettings.StartupTrials"/> trials have finished with a result (completed or stopped early;
/// as in Optuna, failed ones do not count), trial <c>index</c> gets the point <see cref="RandomSearch"/> gives it.</item>
/// <item>Then the trials split into a good and a bad group (<see cref="TpeGroups"/>: failed trials are bad, pending
/// ones count as the worst), and for each parameter <see cref="TpeSettings.Candidates"/> samples of the good group's
/// estimator l compete: the one with the largest log l(x) − log g(x) wins (g: the bad group's estimator; ties go to
/// the first). A <c>values</c> parameter is categorical (<see cref="CategoricalEstimator"/>; value k's coordinate is
/// (k + 0.5)/n), any other continuous over [0, 1) (<see cref="ParzenEstimator"/>; the domain rounds and quantizes
/// afterwards).</item>
/// <item>With several objectives (a history of more than one, <see cref="SearchHistory.Objectives"/>) it is
/// multi-objective TPE: only the split differs (<see cref="MultiObjectiveTpeGroups"/>: by Pareto front, the last one
/// cut by hypervolume), the estimators and the candidates are the same.</item>
/// </list>
/// Every draw is a pure function of (seed, index, parameter, candidate), and the groups are in trial order, so the same
/// history (the same results, the same pending trials, in whatever order they came) gives the same point.
/// </summary>
public sealed class TpeSearch : ISearchStrategy
{
    /// <summary>TPE's draws use their own stream, apart from trial seeds (1), random (2) and sobol (3).</summary>
    private const ulong Stream = 4;

    private readonly ParameterDomain[] domains;
    private readonly long seed;
    private readonly RandomPoints startup;

    /// <param name="domains">The swept parameters' domains, in file order: one coordinate each.</param>
    /// <param name="count">How many trials the sweep runs.</param>
    public TpeSearch(IReadOnlyList<ParameterDomain> domains, long seed, long count, TpeSettings? settings = null)
    {
        Settings = settings ?? TpeSettings.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(Settings.StartupTrials, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.Candidates, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.MaxGood, 1, nameof(settings));
        if (Settings.Gamma is not (> 0 and <= 1) || !(Settings.PriorWeight > 0) || !double.IsFinite(Settings.PriorWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), Settings, "TPE needs gamma in (0, 1] and a positive finite prior weight.");
        }
        this.domains = [.. domains];
        this.seed = seed;
        startup = new RandomPoints(this.domains.Length, seed);
        Count = count;
    }

    public long Count { get; }

    public bool Adaptive => true;

    public TpeSettings Settings { get; }

    public double[] PointFor(long index, SearchHistory history)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (history.Observations.Count(o => o.HasLosses) < Settings.StartupTrials)
        {
            return startup.Point(index);
        }
        var groups = TpeGroups.Split(history, Settings);
        CheckDimensions(groups);
        var state = SplitMix64.Derive(seed, Stream, index);
        var point = new double[domains.Length];
        for (var d = 0; d < point.Length; d++)
        {
            var parameterState = SplitMix64.Nth(state, d);
            point[d] = domains[d] is ValuesDomain values
                ? Categorical(d, values.Values.Count, groups, parameterState)
                : Continuous(d, groups, parameterState);
        }
        return point;
    }

    private double Continuous(int d, TpeGroups groups, ulong state)
    {
        var good = new ParzenEstimator([.. groups.Good.Select(p => p[d])], Settings.PriorWeight);
        var bad = new ParzenEstimator([.. groups.Bad.Select(p => p[d])], Settings.PriorWeight);
        var best = double.NaN;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < Settings.Candidates; c++)
        {
            var x = good.Sample(SplitMix64.Nth(state, c));
            var score = good.LogDensity(x) - bad.LogDensity(x);
            if (double.IsNaN(best) || score > bestScore)
            {
                (best, bestScore) = (x, score);
            }
        }
        return best;
    }

    private double Categorical(int d, int categories, TpeGroups groups, ulong state)
    {
        var good = new CategoricalEstimator(categories, [.. groups.Good.Select(p => DomainSampler.Bucket(p[d], categories))], Settings.PriorWeight);
        var bad = new CategoricalEstimator(categories, [.. groups.Bad.Select(p => DomainSampler.Bucket(p[d], categories))], Settings.PriorWeight);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < Settings.Candidates; c++)
        {
            var k = good.Sample(SplitMix64.Nth(state, c));
            var score = good.LogProbability(k) - bad.LogProbability(k);
            if (best < 0 || score > bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }
        return (best + 0.5) / categories;
    }

    private void CheckDimensions(TpeGroups groups)
    {
        if (groups.Good.Concat(groups.Bad).FirstOrDefault(p => p.Length != domains.Length) is { } wrong)
        {
            throw new ArgumentException($"The history holds a point of {wrong.Length} coordinates for {domains.Length} parameters.");
        }
    }
}
