using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Search;

/// <summary>
/// Turns trial indexes into trials for one sweep: the sweep's <see cref="ISearchStrategy"/> places each trial in the
/// unit cube (one coordinate per parameter, in file order) and <see cref="DomainSampler"/> maps each coordinate to a
/// value of its parameter's domain.
/// </summary>
internal sealed class TrialPlan
{
    /// <summary>Trial seeds use their own stream, apart from the search's draws.</summary>
    private const ulong SeedStream = 1;

    private readonly SweepDefinition _sweep;
    private readonly ISearchStrategy _search;

    /// <summary>What a non-adaptive strategy is shown, and an adaptive one before any result; never written to.</summary>
    private readonly SearchHistory _nothingSeen = new();

    public TrialPlan(SweepDefinition sweep)
    {
        _sweep = sweep;
        _search = SearchStrategies.For(sweep);
    }

    public long Count => _search.Count;

    public bool Adaptive => _search.Adaptive;

    /// <summary>The trial at <paramref name="index"/> as its strategy places it without any results (for TPE: a startup trial).</summary>
    public TrialSpec TrialAt(long index)
    {
        CheckIndex(index);
        return Build(index, _search.PointFor(index, _nothingSeen));
    }

    /// <summary>
    /// The trial at <paramref name="index"/> given what the search has seen. For an adaptive strategy: the point the
    /// history holds for that index, else a new one, recorded in the history as suggested.
    /// </summary>
    public TrialSpec TrialAt(long index, SearchHistory history)
    {
        if (!_search.Adaptive)
        {
            return TrialAt(index);
        }
        CheckIndex(index);
        if (!history.TryGetPoint(index, out var point))
        {
            point = _search.PointFor(index, history);
            history.Suggest(index, point);
        }
        return Build(index, point);
    }

    private void CheckIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
    }

    private TrialSpec Build(long index, double[] point)
    {
        var parameters = _sweep.Parameters;
        if (point.Length != parameters.Count)
        {
            throw new ArgumentException($"The point has {point.Length} coordinates for {parameters.Count} parameters.", nameof(point));
        }
        var draft = new TrialDraft(0, _sweep.Dropout, _sweep.Widths, _sweep.Training);
        var swept = new List<SweptValue>(parameters.Count);
        for (var i = 0; i < parameters.Count; i++)
        {
            var rule = ParameterCatalog.Rules[parameters[i].Name];
            var value = DomainSampler.Sample(parameters[i].Domain, point[i], rule.Kind == ValueKind.Integer);
            draft = rule.Apply(draft, value);
            swept.Add(new SweptValue(rule.Name, rule.Format(value)));
        }
        var widths = draft.Widths ?? throw new InvalidOperationException("The sweep gives no widths.");
        var seed = (long)(SplitMix64.Derive(_sweep.Seed, SeedStream, index) & long.MaxValue);
        return new TrialSpec(TrialSpec.IdFor(_sweep.Name, index), _sweep.Name, index, seed, _sweep.Data,
            _sweep.Outputs ?? 0, draft.Lambda, draft.Dropout, widths, draft.Training, swept);
    }
}
