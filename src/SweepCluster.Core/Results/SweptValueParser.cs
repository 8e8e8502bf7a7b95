using System.Globalization;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Results;

/// <summary>
/// Turns a swept value's leaderboard text (<see cref="Trials.SweptValue.Text"/>) back into a typed value for the data
/// files: a <see cref="double"/> (lambda, dropout, learning_rate, …), a <see cref="long"/> (epochs, batch_size, …), a
/// <see cref="bool"/> (include_biases), an <see cref="int"/> list (widths) or a string (optimizer, l1_mode). The kind
/// comes from the parameter's rule; a name without one (or text its rule cannot read) is read by its look. Empty text
/// (a trial that does not sweep the parameter) is null.
/// </summary>
public static class SweptValueParser
{
    public static object? Parse(string name, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        var kind = ParameterCatalog.Rules.TryGetValue(name, out var rule) ? rule.Kind : ValueKind.Text;
        return kind switch
        {
            ValueKind.Real when TryReal(text, out var real) => real,
            ValueKind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => integer,
            ValueKind.Boolean when bool.TryParse(text, out var flag) => flag,
            ValueKind.IntList when TryIntList(text, out var list) => list,
            ValueKind.Choice => text,
            _ => ByLook(text),
        };
    }

    private static object ByLook(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        if (TryReal(text, out var real))
        {
            return real;
        }
        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }
        return TryIntList(text, out var list) ? list : text;
    }

    private static bool TryReal(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool TryIntList(string text, out IReadOnlyList<int> values)
    {
        values = [];
        var inner = text.Trim();
        if (inner.Length < 2 || inner[0] != '[' || inner[^1] != ']')
        {
            return false;
        }
        var parts = inner[1..^1].Split(',', StringSplitOptions.TrimEntries);
        if (parts is [""])
        {
            return true;
        }
        var parsed = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out parsed[i]))
            {
                return false;
            }
        }
        values = parsed;
        return true;
    }
}
