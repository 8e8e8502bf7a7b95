using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// What differs between two sweep definitions (their YAML as run), one line per setting in the earlier file's order:
/// <c>training.epochs 25 → 26</c>, <c>tpe.startup_trials (not set) → 3</c>. A list of plain values counts as one setting
/// (<c>parameters.widths.values [[16], [32, 16]] → [[16]]</c>). Empty when only comments or layout differ.
/// Used to say why a sweep's output folder is refused to a changed definition.
/// </summary>
public static class DefinitionDiff
{
    private const string NotSet = "(not set)";

    public static IReadOnlyList<string> Between(string before, string after)
    {
        var earlier = Flatten(before);
        var later = Flatten(after);
        var keys = earlier.Keys.Concat(later.Keys.Where(key => !earlier.ContainsKey(key)));
        return [.. keys
            .Where(key => earlier.GetValueOrDefault(key) != later.GetValueOrDefault(key))
            .Select(key => $"{key} {earlier.GetValueOrDefault(key) ?? NotSet} → {later.GetValueOrDefault(key) ?? NotSet}")];
    }

    // Insertion-ordered: a Dictionary keeps the order of additions as long as nothing is removed.
    private static Dictionary<string, string> Flatten(string yaml)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlText.TryLoad(yaml, out _) is not { } stream)
        {
            // An earlier file that no longer parses: the whole text is its one setting.
            leaves["(file)"] = yaml.Trim();
        }
        else if (stream.Documents.Count > 0)
        {
            Add(leaves, "", stream.Documents[0].RootNode);
        }
        return leaves;
    }

    private static void Add(Dictionary<string, string> leaves, string path, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    Add(leaves, path.Length == 0 ? Text(key) : $"{path}.{Text(key)}", value);
                }
                break;
            case YamlSequenceNode sequence when sequence.Children.All(IsPlain):
                leaves[path] = Text(sequence);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Add(leaves, $"{path}[{i}]", sequence.Children[i]);
                }
                break;
            default:
                leaves[path] = Text(node);
                break;
        }
    }

    private static bool IsPlain(YamlNode node) =>
        node is YamlScalarNode || (node is YamlSequenceNode sequence && sequence.Children.All(IsPlain));

    private static string Text(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Number(scalar.Value ?? ""),
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(Text)) + "]",
        _ => node.ToString(),
    };

    // 1.0e-3 and 0.001 are the same setting: numbers compare by value, in their shortest form.
    private static string Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : text;
}
