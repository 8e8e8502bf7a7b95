using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>Reads settable values (in <c>training</c>, <c>model</c>) and parameter domains (in <c>parameters</c>) by their rule.</summary>
internal sealed class ParameterReader(ErrorSink errors, YamlFields fields)
{
    private static readonly IReadOnlyList<string> DomainKeys = ["values", "uniform", "log_uniform", "int_uniform", "q"];

    /// <summary>One value of <paramref name="rule"/>'s type that passes its range check; null after an error.</summary>
    public ParameterValue? Value(ParameterRule rule, YamlNode node, string what)
    {
        var value = Typed(rule, node, what);
        if (value is not null && rule.Check(value) is { } reason)
        {
            errors.At(node, $"{what} {reason}{YamlFields.Got(node)}");
            return null;
        }
        return value;
    }

    public ParameterSpec? Spec(ParameterRule rule, YamlNode keyNode, YamlNode node)
    {
        var what = $"parameters.{rule.Name}";
        if (fields.Mapping(node, what, DomainKeys) is not { } entries)
        {
            return null;
        }
        var domainKeys = entries.Keys.Where(k => k != "q").ToList();
        if (domainKeys.Count != 1)
        {
            var problem = domainKeys.Count == 0 ? "needs" : "takes only one of";
            errors.At(node, $"{what} {problem} values, uniform, log_uniform or int_uniform");
            return null;
        }
        var key = domainKeys[0];
        entries.TryGetValue("q", out var qNode);
        var domain = Domain(rule, key, entries[key], qNode, $"{what}.{key}");
        return domain is null ? null : new ParameterSpec(rule.Name, domain, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
    }

    private ParameterValue? Typed(ParameterRule rule, YamlNode node, string what) => rule.Kind switch
    {
        ValueKind.Real => fields.Real(node, what) is { } real ? new NumberValue(real) : null,
        ValueKind.Integer => fields.Integer(node, what) is { } whole ? new NumberValue(whole) : null,
        ValueKind.Boolean => fields.Boolean(node, what) is { } flag ? new BooleanValue(flag) : null,
        ValueKind.Choice => ChoiceOf(rule, node, what),
        ValueKind.IntList => IntList(node, what),
        _ => fields.Text(node, what) is { } text ? new TextValue(text) : null,
    };

    private TextValue? ChoiceOf(ParameterRule rule, YamlNode node, string what)
    {
        var text = fields.Text(node, what)?.ToLowerInvariant();
        if (text is null)
        {
            return null;
        }
        if (rule.Choices.Contains(text))
        {
            return new TextValue(text);
        }
        errors.At(node, $"{what} must be one of {string.Join(", ", rule.Choices)} (got '{text}')"
            + Suggestions.DidYouMean(text, rule.Choices));
        return null;
    }

    private IntListValue? IntList(YamlNode node, string what)
    {
        if (node is not YamlSequenceNode sequence)
        {
            errors.At(node, $"{what} must be a list of positive integers such as [128, 64]{YamlFields.Got(node)}");
            return null;
        }
        var items = sequence.Children.Select(item => fields.Integer(item, $"{what} entry")).ToList();
        if (items.Any(i => i is null))
        {
            return null;
        }
        if (items.Any(i => i is < 1 or > int.MaxValue))
        {
            errors.At(node, $"{what} must be a non-empty list of positive integers");
            return null;
        }
        return new IntListValue([.. items.Select(i => (int)i!.Value)]);
    }

    private ParameterDomain? Domain(ParameterRule rule, string key, YamlNode node, YamlNode? qNode, string what)
    {
        if (key == "values")
        {
            if (qNode is not null)
            {
                errors.At(qNode, $"q applies only to uniform, log_uniform and int_uniform, not to values");
            }
            return Values(rule, node, what);
        }
        if (!rule.IsNumeric)
        {
            errors.At(node, $"{what}: {rule.Name} is not numeric, so it takes only `values: [...]`");
            return null;
        }
        return key switch
        {
            "uniform" => Continuous(rule, node, qNode, what, logScale: false),
            "log_uniform" => Continuous(rule, node, qNode, what, logScale: true),
            _ => IntUniform(rule, node, qNode, what),
        };
    }

    private ValuesDomain? Values(ParameterRule rule, YamlNode node, string what)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            var hint = rule.Kind == ValueKind.IntList ? " such as [[128, 64], [64]]" : "";
            errors.At(node, $"{what} must be a non-empty list{hint}{YamlFields.Got(node)}");
            return null;
        }
        var values = sequence.Children.Select(item => Value(rule, item, $"{what} entry")).ToList();
        return values.Any(v => v is null) ? null : new ValuesDomain([.. values.Select(v => v!)]);
    }

    private (YamlNode Low, YamlNode High)? Bounds(YamlNode node, string what)
    {
        if (node is YamlSequenceNode { Children.Count: 2 } pair)
        {
            return (pair.Children[0], pair.Children[1]);
        }
        errors.At(node, $"{what} must be a pair [low, high]{YamlFields.Got(node)}");
        return null;
    }

    private ParameterDomain? Continuous(ParameterRule rule, YamlNode node, YamlNode? qNode, string what, bool logScale)
    {
        if (Bounds(node, what) is not ({ } lowNode, { } highNode)
            || fields.Real(lowNode, $"{what} low") is not { } low
            || fields.Real(highNode, $"{what} high") is not { } high)
        {
            return null;
        }
        var ok = true;
        if (logScale && (low <= 0 || high <= 0))
        {
            errors.At(node, $"{what} bounds must be positive (got [{Show(low)}, {Show(high)}])");
            ok = false;
        }
        else if (low >= high)
        {
            errors.At(node, $"{what} needs low < high (got [{Show(low)}, {Show(high)}])");
            ok = false;
        }
        ok &= BoundInRange(rule, lowNode, low, what) & BoundInRange(rule, highNode, high, what);
        var q = qNode is null ? null : fields.Real(qNode, $"parameters.{rule.Name}.q");
        ok &= qNode is null || (q is not null && CheckStep(qNode, q.Value, low, high));
        if (!ok)
        {
            return null;
        }
        return logScale ? new LogUniformDomain(low, high, q) : new UniformDomain(low, high, q);
    }

    private IntUniformDomain? IntUniform(ParameterRule rule, YamlNode node, YamlNode? qNode, string what)
    {
        if (Bounds(node, what) is not ({ } lowNode, { } highNode)
            || fields.Integer(lowNode, $"{what} low") is not { } low
            || fields.Integer(highNode, $"{what} high") is not { } high)
        {
            return null;
        }
        var ok = true;
        if (low > high)
        {
            errors.At(node, $"{what} needs low <= high (got [{low}, {high}])");
            ok = false;
        }
        ok &= BoundInRange(rule, lowNode, low, what) & BoundInRange(rule, highNode, high, what);
        var q = qNode is null ? 1 : fields.IntegerAtLeast(qNode, $"parameters.{rule.Name}.q", 1);
        return ok && q is not null ? new IntUniformDomain(low, high, q.Value) : null;
    }

    private bool BoundInRange(ParameterRule rule, YamlNode node, double bound, string what)
    {
        var value = new NumberValue(rule.Kind == ValueKind.Integer ? Math.Round(bound) : bound);
        if (rule.Check(value) is not { } reason)
        {
            return true;
        }
        errors.At(node, $"{what}: bound {Show(bound)} is out of range: {rule.Name} {reason}");
        return false;
    }

    private bool CheckStep(YamlNode qNode, double q, double low, double high)
    {
        if (q <= 0)
        {
            errors.At(qNode, $"q must be positive (got {Show(q)})");
            return false;
        }
        if (Math.Ceiling(low / q) * q > high)
        {
            errors.At(qNode, $"no multiple of q = {Show(q)} lies within [{Show(low)}, {Show(high)}]");
            return false;
        }
        return true;
    }

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
