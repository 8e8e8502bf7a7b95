using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Applies <c>--set key=value</c> overrides to the document before validation: the value is parsed as YAML
/// and replaces (or adds) the node at the dotted path, so overridden values are checked like the file's own.
/// </summary>
internal sealed class OverrideApplier(ErrorSink errors)
{
    private static readonly string[] DomainKeys = ["values", "uniform", "log_uniform", "int_uniform"];

    public void Apply(YamlMappingNode root, string overrideText)
    {
        var equals = overrideText.IndexOf('=');
        var path = equals > 0 ? overrideText[..equals].Trim().Split('.') : [];
        if (path.Length == 0 || path.Any(string.IsNullOrWhiteSpace))
        {
            errors.AtOverride(overrideText, "expected key=value with a dotted key, such as training.epochs=5");
            return;
        }
        if (ParseValue(overrideText, overrideText[(equals + 1)..]) is not { } value)
        {
            return;
        }
        errors.MarkOverride(value, overrideText);
        var parent = root;
        foreach (var segment in path[..^1])
        {
            if (Child(parent, segment, overrideText) is not YamlMappingNode next)
            {
                errors.AtOverride(overrideText, $"'{segment}' is not a mapping, so it has no key '{path[^1]}'");
                return;
            }
            parent = next;
        }
        if (path is ["parameters", _, var domainKey] && DomainKeys.Contains(domainKey))
        {
            RemoveOtherDomains(parent, domainKey);
        }
        Set(parent, path[^1], value, overrideText);
    }

    /// <summary>
    /// <c>--set parameters.lambda.values=[…]</c> means "sweep lambda over these values", whatever domain
    /// the file gave it, so the file's other domain (and a q that only fits it) gives way.
    /// </summary>
    private static void RemoveOtherDomains(YamlMappingNode parameter, string domainKey)
    {
        var stale = parameter.Children.Keys
            .Where(k => k is YamlScalarNode { Value: { } key } && key != domainKey && (DomainKeys.Contains(key) || (key == "q" && domainKey == "values")))
            .ToList();
        foreach (var key in stale)
        {
            parameter.Children.Remove(key);
        }
    }

    private YamlNode? ParseValue(string overrideText, string valueText)
    {
        if (YamlText.TryLoad(valueText, out var syntax) is not { } stream)
        {
            errors.AtOverride(overrideText, $"the value is not valid YAML: {syntax!.Message}");
            return null;
        }
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : new YamlScalarNode("");
    }

    /// <summary>The child mapping at <paramref name="key"/>, created (and marked as the override's) when absent.</summary>
    private YamlNode Child(YamlMappingNode parent, string key, string overrideText)
    {
        if (parent.Children.TryGetValue(new YamlScalarNode(key), out var child) && !YamlFields.IsNull(child))
        {
            return child;
        }
        var created = new YamlMappingNode();
        Set(parent, key, created, overrideText);
        return created;
    }

    private void Set(YamlMappingNode parent, string key, YamlNode value, string overrideText)
    {
        var existingKey = parent.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key);
        if (existingKey is not null)
        {
            parent.Children[existingKey] = value;
            return;
        }
        var keyNode = new YamlScalarNode(key);
        errors.MarkOverride(keyNode, overrideText);
        errors.MarkOverride(value, overrideText);
        parent.Children.Add(keyNode, value);
    }
}
