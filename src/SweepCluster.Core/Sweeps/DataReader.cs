using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>Reads <c>data:</c>: exactly one of <c>synthetic</c> or <c>csv</c>, plus <c>validation_fraction</c>.</summary>
internal sealed class DataReader(ErrorSink errors, YamlFields fields, string baseDirectory)
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
            SyntheticDataSpec s => s with { ValidationFraction = fraction.Value },
            CsvDataSpec c => c with { ValidationFraction = fraction.Value },
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
        if (fields.Mapping(node, "data.synthetic", ["samples", "features", "informative", "classes", "seed"]) is not { } entries)
        {
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
