using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Reads <c>data:</c>: exactly one of <c>synthetic</c> or <c>csv</c>, plus <c>validation_fraction</c>. The spec carries the
/// sweep's <paramref name="task"/>; synthetic data is a classification problem, or for regression Friedman's function
/// (<see cref="SyntheticDataSpec"/>), and each refuses the other's settings.
/// </summary>
internal sealed class DataReader(ErrorSink errors, YamlFields fields, string baseDirectory, SweepTask task)
{
    private const double DefaultValidationFraction = 0.2;

    public DataSpec? Read(YamlNode node)
    {
        if (fields.Mapping(node, "data", ["synthetic", "csv", "validation_fraction"]) is not { } entries)
        {
            return null;
        }
        var fraction = entries.TryGetValue("validation_fraction", out var fractionNode)
            ? ValidationFraction(fractionNode)
            : DefaultValidationFraction;
        var hasSynthetic = entries.TryGetValue("synthetic", out var syntheticNode);
        var hasCsv = entries.TryGetValue("csv", out var csvNode);
        if (hasSynthetic == hasCsv)
        {
            errors.At(node, hasCsv ? "data has both synthetic and csv: give one" : "data needs synthetic or csv");
            return null;
        }
        DataSpec? spec = hasSynthetic ? Synthetic(syntheticNode!) : Csv(csvNode!);
        return fraction is null ? null : spec switch
        {
            SyntheticDataSpec s => s with { ValidationFraction = fraction.Value, Task = task },
            CsvDataSpec c => c with { ValidationFraction = fraction.Value, Task = task },
            _ => null,
        };
    }

    private double? ValidationFraction(YamlNode node)
    {
        var fraction = fields.Real(node, "data.validation_fraction");
        if (fraction is <= 0 or >= 1)
        {
            errors.At(node, $"data.validation_fraction must be in (0, 1) (got {fraction})");
            return null;
        }
        return fraction;
    }

    /// <summary>Defaults: 1000 samples, 20 features, 5 informative (at most all), 2 classes, seed 0.</summary>
    private SyntheticDataSpec? Synthetic(YamlNode node)
    {
        if (task == SweepTask.Regression)
        {
            return SyntheticRegression(node);
        }
        if (fields.Mapping(node, "data.synthetic", ["samples", "features", "informative", "classes", "seed", "noise"]) is not { } entries)
        {
            return null;
        }
        if (entries.ContainsKey("noise"))
        {
            RefuseKey(node, "noise", "data.synthetic.noise applies only to task: regression (the classification generator's noise is fixed)");
            return null;
        }
        var samples = Read(entries, "samples", 2, 1000);
        var features = Read(entries, "features", 1, 20);
        var informative = Read(entries, "informative", 1, Math.Min(5, features ?? 5));
        var classes = Read(entries, "classes", 2, 2);
        var seed = entries.TryGetValue("seed", out var seedNode) ? fields.Integer(seedNode, "data.synthetic.seed") : 0;
        if (informative > features)
        {
            errors.At(entries["informative"], $"data.synthetic.informative ({informative}) must not exceed features ({features})");
            return null;
        }
        if (samples is null || features is null || informative is null || classes is null || seed is null)
        {
            return null;
        }
        return new SyntheticDataSpec((int)samples, (int)features, (int)informative, (int)classes, seed.Value);
    }

    /// <summary>Friedman's function of x0 … x4 plus noise. Defaults: 1000 samples, 10 features (at least 5), noise 1, seed 0.</summary>
    private SyntheticDataSpec? SyntheticRegression(YamlNode node)
    {
        if (fields.Mapping(node, "data.synthetic", ["samples", "features", "informative", "classes", "seed", "noise"]) is not { } entries)
        {
            return null;
        }
        if (entries.ContainsKey("classes") || entries.ContainsKey("informative"))
        {
            RefuseKey(node, entries.ContainsKey("classes") ? "classes" : "informative",
                $"data.synthetic.{(entries.ContainsKey("classes") ? "classes" : "informative")} does not apply to task: regression: "
                + "its target is Friedman's function of x0 … x4 (5 informative inputs), the other features are noise");
            return null;
        }
        var samples = Read(entries, "samples", 2, 1000);
        var features = Read(entries, "features", SyntheticDataSpec.RegressionInformative, 10);
        var seed = entries.TryGetValue("seed", out var seedNode) ? fields.Integer(seedNode, "data.synthetic.seed") : 0;
        var noise = entries.TryGetValue("noise", out var noiseNode) ? fields.Real(noiseNode, "data.synthetic.noise") : 1.0;
        if (noise < 0)
        {
            errors.At(noiseNode!, $"data.synthetic.noise must not be negative (got {noise})");
            return null;
        }
        if (samples is null || features is null || seed is null || noise is null)
        {
            return null;
        }
        return new SyntheticDataSpec((int)samples, (int)features, SyntheticDataSpec.RegressionInformative, 0, seed.Value, Noise: noise.Value);
    }

    private void RefuseKey(YamlNode node, string key, string message)
    {
        var keyNode = ((YamlMappingNode)node).Children.Keys.First(k => k is YamlScalarNode { Value: var v } && v == key);
        errors.At(keyNode, message);
    }

    private long? Read(Dictionary<string, YamlNode> entries, string key, long minimum, long fallback)
    {
        if (!entries.TryGetValue(key, out var node))
        {
            return fallback;
        }
        var value = fields.IntegerAtLeast(node, $"data.synthetic.{key}", minimum);
        if (value > int.MaxValue)
        {
            errors.At(node, $"data.synthetic.{key} is too large");
            return null;
        }
        return value;
    }

    private CsvDataSpec? Csv(YamlNode node)
    {
        if (fields.Mapping(node, "data.csv", ["path", "label", "split_seed"]) is not { } entries)
        {
            return null;
        }
        var path = Required(node, entries, "path");
        var label = Required(node, entries, "label");
        var splitSeed = entries.TryGetValue("split_seed", out var seedNode) ? fields.Integer(seedNode, "data.csv.split_seed") : 0;
        if (path is null || label is null || splitSeed is null)
        {
            return null;
        }
        // Relative paths are relative to the sweep file, so a sweep runs the same from any working folder.
        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, path));
        if (!File.Exists(fullPath))
        {
            errors.At(entries["path"], $"CSV file '{path}' does not exist (looked for {fullPath})");
            return null;
        }
        return new CsvDataSpec(fullPath, label, splitSeed.Value);
    }

    private string? Required(YamlNode parent, Dictionary<string, YamlNode> entries, string key)
    {
        if (entries.TryGetValue(key, out var node))
        {
            return fields.Text(node, $"data.csv.{key}");
        }
        errors.At(parent, $"missing key '{key}' in data.csv");
        return null;
    }
}
