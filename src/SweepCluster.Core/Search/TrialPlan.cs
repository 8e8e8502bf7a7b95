using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Search;

/// <summary>
/// Turns trial indexes into trials for one sweep: the sweep's <see cref="ISearchStrategy"/> places each trial in the
/// unit cube (one coordinate per parameter, in file order) and <see cref="DomainSampler"/> maps each coordinate to a
/// value of its parameter's domain. With <c>repeats: N</c> the strategy places configurations, and trial <c>i</c> is
/// repeat <c>i mod N</c> of configuration <c>i / N</c>: the repeats share the point and differ in their seed only.
/// </summary>
internal sealed class TrialPlan
{
    /// <summary>Trial seeds use their own stream, apart from the search's draws.</summary>
    private const ulong SeedStream = 1;

    /// <summary>Repeat seeds use their own stream too, derived from the configuration's seed.</summary>
    private const ulong RepeatStream = 2;

    private readonly SweepDefinition _sweep;
    private readonly ISearchStrategy _search;

    /// <summary>What a non-adaptive strategy is shown, and an adaptive one before any result; never written to.</summary>
    private readonly SearchHistory _nothingSeen = new();

    public TrialPlan(SweepDefinition sweep)
    {
        _sweep = sweep;
        _search = SearchStrategies.For(sweep);
    }

    public long Count => _search.Count * _sweep.Repeats;

    public bool Adaptive => _search.Adaptive;

    /// <summary>The trial at <paramref name="index"/> as its strategy places it without any results (for TPE: a startup trial).</summary>
    public TrialSpec TrialAt(long index)
    {
        CheckIndex(index);
        return Build(index, _search.PointFor(index / _sweep.Repeats, _nothingSeen));
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
            point = _search.PointFor(index / _sweep.Repeats, history);
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
        var (configuration, repeat) = (index / _sweep.Repeats, (int)(index % _sweep.Repeats));
        var seed = RepeatSeed((long)(SplitMix64.Derive(_sweep.Seed, SeedStream, configuration) & long.MaxValue), repeat);
        var repeated = _sweep.Repeats > 1;
        var id = repeated ? TrialSpec.IdFor(_sweep.Name, configuration, repeat) : TrialSpec.IdFor(_sweep.Name, index);
        return new TrialSpec(id, _sweep.Name, index, seed, _sweep.Data,
            _sweep.Outputs ?? 0, draft.Lambda, draft.Dropout, widths, draft.Training, swept, repeated ? repeat : null);
    }

    /// <summary>
    /// The seed of a configuration's repeat: the configuration's own for repeat 0 (so that <c>repeats: 1</c> trains what it
    /// always did, and adding repeats keeps the first run), one derived from it for the others. It seeds initialisation,
    /// batch order and dropout; the data split has seeds of its own, so every repeat sees the same split.
    /// </summary>
    internal static long RepeatSeed(long configurationSeed, int repeat) =>
        repeat == 0 ? configurationSeed : (long)(SplitMix64.Derive(configurationSeed, RepeatStream, repeat) & long.MaxValue);
}
