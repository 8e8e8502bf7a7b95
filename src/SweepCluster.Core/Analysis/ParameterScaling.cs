using System.Globalization;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Analysis;

/// <summary>
/// Decides how each swept parameter is scaled for the analysis views and the importance model. From the sweep file where
/// there is one: <c>log_uniform</c> is <see cref="ParameterScale.Log"/>, <c>uniform</c> and <c>int_uniform</c> are
/// <see cref="ParameterScale.Linear"/>, a <c>values</c> list is <see cref="ParameterScale.Categorical"/> (its values in the
/// file's order). Without one (monitor reads only logs), from the values: numbers are <see cref="ParameterScale.Log"/>
/// when all are positive and either the largest is at least <see cref="LogSpanRatio"/> times the smallest or the
/// parameter is a rate the leaderboards print in scientific notation (lambda, learning_rate, sparsity_threshold), else
/// <see cref="ParameterScale.Linear"/>; anything else (widths, words, flags) is categorical, in ordinal text order.
/// </summary>
public static class ParameterScaling
{
    /// <summary>Positive numbers spanning this factor (two decades) or more are read on a log scale when no sweep file says.</summary>
    public const double LogSpanRatio = 100;

    // The settings ParameterCatalog prints in scientific notation: they span decades by nature.
    private static readonly string[] LogByName = ["lambda", "learning_rate", "sparsity_threshold"];

    /// <summary>
    /// One <see cref="AnalysisParameter"/> per name, in order: from its spec in <paramref name="specs"/> when there is one
    /// and the values agree with it, else inferred from the values the trials hold.
    /// </summary>
    public static IReadOnlyList<AnalysisParameter> Resolve(
        IReadOnlyList<string> names, IReadOnlyList<ParameterSpec>? specs, IReadOnlyList<AnalysisTrial> trials)
    {
        var parameters = new List<AnalysisParameter>(names.Count);
        foreach (var name in names)
        {
            var observed = trials.Select(t => t.Text(name)).Where(text => text.Length > 0).ToList();
            var spec = specs?.FirstOrDefault(s => s.Name == name);
            parameters.Add(spec is null ? Infer(name, observed) : FromSpec(spec, observed));
        }
        return parameters;
    }

    /// <summary>The parameter as its sweep-file domain describes it; inferred instead when a value does not fit that scale.</summary>
    public static AnalysisParameter FromSpec(ParameterSpec spec, IReadOnlyList<string> observed)
    {
        var numbers = observed.Select(Number).ToList();
        switch (spec.Domain)
        {
            case LogUniformDomain log when numbers.All(n => n is > 0):
                return new AnalysisParameter(spec.Name, ParameterScale.Log, [], log.Low, log.High);
            case UniformDomain uniform when numbers.All(n => n is not null):
                return new AnalysisParameter(spec.Name, ParameterScale.Linear, [], uniform.Low, uniform.High);
            case IntUniformDomain integer when numbers.All(n => n is not null):
                return new AnalysisParameter(spec.Name, ParameterScale.Linear, [], integer.Low, integer.High);
            case ValuesDomain values:
                var categories = values.Values.Select(v => Format(spec.Name, v)).Distinct(StringComparer.Ordinal).ToList();
                // A value the file no longer lists (results of an edited file) still gets a place, after the listed ones.
                categories.AddRange(observed.Distinct(StringComparer.Ordinal).Where(t => !categories.Contains(t)).Order(StringComparer.Ordinal));
                return new AnalysisParameter(spec.Name, ParameterScale.Categorical, categories);
            default:
                return Infer(spec.Name, observed);
        }
    }

    /// <summary>The parameter as its values suggest (see the class summary).</summary>
    public static AnalysisParameter Infer(string name, IReadOnlyList<string> observed)
    {
        var numbers = observed.Select(Number).ToList();
        if (numbers.Count > 0 && numbers.All(n => n is not null))
        {
            var min = numbers.Min(n => n!.Value);
            var max = numbers.Max(n => n!.Value);
            var log = min > 0 && (max >= LogSpanRatio * min || LogByName.Contains(name));
            return new AnalysisParameter(name, log ? ParameterScale.Log : ParameterScale.Linear, [], Inferred: true);
        }
        var categories = observed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new AnalysisParameter(name, ParameterScale.Categorical, categories, Inferred: true);
    }

    /// <summary>
    /// A numeric value where an axis or the importance model places it: log10 of it on a log scale, the value itself on a
    /// linear one; NaN for a missing value or a non-positive one on a log scale.
    /// </summary>
    public static double Coordinate(ParameterScale scale, double? value) => value switch
    {
        null => double.NaN,
        { } v when scale == ParameterScale.Log => v > 0 ? Math.Log10(v) : double.NaN,
        { } v => v,
    };

    /// <summary>A value's text as a finite number, or null.</summary>
    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string Format(string name, ParameterValue value) =>
        ParameterCatalog.Rules.TryGetValue(name, out var rule) ? rule.Format(value) : value switch
        {
            NumberValue number => number.Value.ToString(CultureInfo.InvariantCulture),
            TextValue text => text.Value,
            BooleanValue flag => flag.Value ? "true" : "false",
            IntListValue list => $"[{string.Join(", ", list.Values)}]",
            _ => value.ToString() ?? "",
        };
}
