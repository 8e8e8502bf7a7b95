using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Search;

/// <summary>
/// Turns trial indexes into trials for one sweep: grid decodes the index in mixed radix,
/// random and sobol take the index-th point of the unit cube (one coordinate per parameter, in file order).
/// </summary>
internal sealed class TrialPlan
{
    /// <summary>Trial seeds use their own stream, apart from the search's draws.</summary>
    private const ulong SeedStream = 1;

    private readonly SweepDefinition _sweep;
    private readonly GridIndex? _grid;
    private readonly IPointSource? _points;

    public TrialPlan(SweepDefinition sweep)
    {
        _sweep = sweep;
        var dimensions = sweep.Parameters.Count;
        switch (sweep.Method)
        {
            case SearchMethod.Grid:
                _grid = new GridIndex([.. sweep.Parameters.Select(p => ((ValuesDomain)p.Domain).Values.Count)]);
                Count = Math.Min(_grid.Count, sweep.Trials ?? long.MaxValue);
                break;
            case SearchMethod.Sobol:
                _points = dimensions == 0 ? null : new SobolPoints(dimensions, sweep.Seed);
                Count = sweep.Trials ?? 0;
                break;
            default:
                _points = dimensions == 0 ? null : new RandomPoints(dimensions, sweep.Seed);
                Count = sweep.Trials ?? 0;
                break;
        }
    }

    public long Count { get; }

    public TrialSpec TrialAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var chosen = Choose(index);
        var draft = new TrialDraft(0, _sweep.Dropout, _sweep.Widths, _sweep.Training);
        var swept = new List<SweptValue>(chosen.Length);
        for (var i = 0; i < chosen.Length; i++)
        {
            var rule = ParameterCatalog.Rules[_sweep.Parameters[i].Name];
            draft = rule.Apply(draft, chosen[i]);
            swept.Add(new SweptValue(rule.Name, rule.Format(chosen[i])));
        }
        var widths = draft.Widths ?? throw new InvalidOperationException("The sweep gives no widths.");
        var seed = (long)(SplitMix64.Derive(_sweep.Seed, SeedStream, index) & long.MaxValue);
        return new TrialSpec(TrialSpec.IdFor(_sweep.Name, index), _sweep.Name, index, seed, _sweep.Data,
            _sweep.Outputs ?? 0, draft.Lambda, draft.Dropout, widths, draft.Training, swept);
    }

    private ParameterValue[] Choose(long index)
    {
        var parameters = _sweep.Parameters;
        if (_grid is not null)
        {
            var digits = _grid.Digits(index);
            return [.. parameters.Select((p, i) => ((ValuesDomain)p.Domain).Values[digits[i]])];
        }
        var point = _points?.Point(index) ?? [];
        return [.. parameters.Select((p, i) => DomainSampler.Sample(p.Domain, point[i], IsIntegral(p)))];
    }

    private static bool IsIntegral(ParameterSpec parameter) =>
        ParameterCatalog.Rules[parameter.Name].Kind == ValueKind.Integer;
}
