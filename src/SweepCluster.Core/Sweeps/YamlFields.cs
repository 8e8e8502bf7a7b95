using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>Typed reads of YAML nodes that report a positioned error and return null when a node has the wrong type.</summary>
internal sealed class YamlFields(ErrorSink errors)
{
    /// <summary>
    /// The entries of a mapping by key, after reporting keys outside <paramref name="allowed"/>
    /// (with a suggestion) and non-scalar keys. Null when <paramref name="node"/> is not a mapping.
    /// </summary>
    public Dictionary<string, YamlNode>? Mapping(YamlNode node, string what, IReadOnlyList<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.At(node, $"{what} must be a mapping of keys to values");
            return null;
        }
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                errors.At(keyNode, $"keys of {what} must be plain words");
            }
            else if (!allowed.Contains(key))
            {
                errors.At(keyNode, $"unknown key '{key}' in {what}{Suggestions.DidYouMean(key, allowed)}");
            }
            else if (!IsNull(value))
            {
                // An empty value (`trials: ~`, or `--set trials=null`) means "not given", so defaults apply.
                fields[key] = value;
            }
        }
        return fields;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
        {
            return scalar.Value;
        }
        errors.At(node, $"{what} must be a text value");
        return null;
    }

    public double? Real(YamlNode node, string what)
    {
        if (PlainScalar(node) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return value;
        }
        errors.At(node, $"{what} must be a number{Got(node)}");
        return null;
    }

    public long? Integer(YamlNode node, string what)
    {
        var text = PlainScalar(node);
        if (text is not null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        // 1e3 is a whole number too; 1.5 is not.
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && real == Math.Floor(real) && Math.Abs(real) < 9e15)
        {
            return (long)real;
        }
        errors.At(node, $"{what} must be a whole number{Got(node)}");
        return null;
    }

    public bool? Boolean(YamlNode node, string what)
    {
        switch (PlainScalar(node)?.ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.At(node, $"{what} must be true or false{Got(node)}");
                return null;
        }
    }

    /// <summary>An integer that must be at least <paramref name="minimum"/>; null (and an error) otherwise.</summary>
    public long? IntegerAtLeast(YamlNode node, string what, long minimum)
    {
        var value = Integer(node, what);
        if (value < minimum)
        {
            errors.At(node, $"{what} must be at least {minimum} (got {value})");
            return null;
        }
        return value;
    }

    public static string Got(YamlNode node) => node switch
    {
        YamlScalarNode { Value: var v } => $" (got '{v}')",
        YamlSequenceNode { Children.Count: 0 } => " (got an empty list)",
        YamlSequenceNode => " (got a list)",
        YamlMappingNode => " (got a mapping)",
        _ => "",
    };

    /// <summary>Numbers and flags must be unquoted: a quoted "5" is text, as in YAML itself.</summary>
    private static string? PlainScalar(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text } ? text : null;
}
