using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Search;

/// <summary>Chooses a sweep's search strategy from its method.</summary>
public static class SearchStrategies
{
    public static ISearchStrategy For(SweepDefinition sweep)
    {
        var dimensions = sweep.Parameters.Count;
        var trials = sweep.Trials ?? 0;
        return sweep.Method switch
        {
            SearchMethod.Grid => new GridSearch([.. sweep.Parameters.Select(p => ((ValuesDomain)p.Domain).Values.Count)], sweep.Trials),
            SearchMethod.Random => new RandomSearch(dimensions, sweep.Seed, trials),
            SearchMethod.Sobol => new SobolSearch(dimensions, sweep.Seed, trials),
            SearchMethod.Tpe => new TpeSearch([.. sweep.Parameters.Select(p => p.Domain)], sweep.Seed, trials, sweep.Tpe),
            _ => throw new ArgumentException($"Unknown search method {sweep.Method}.", nameof(sweep)),
        };
    }
}
