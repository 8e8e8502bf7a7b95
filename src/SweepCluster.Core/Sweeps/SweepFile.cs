using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>Reads sweep files: the single entry point the CLI and the trainer use.</summary>
public static class SweepFile
{
    /// <summary>Reads, overrides and validates the sweep file at <paramref name="path"/>.</summary>
    /// <param name="overrides"><c>key=value</c> strings with dotted keys (<c>training.epochs=5</c>); values are YAML.</param>
    /// <exception cref="SweepValidationException">Carrying every error of the file.</exception>
    public static SweepDefinition Load(string path, IReadOnlyList<string>? overrides = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new SweepValidationException([new SweepError(path, 0, 0, "sweep file not found")]);
        }
        var text = File.ReadAllText(fullPath);
        var sweep = Parse(text, path, Path.GetDirectoryName(fullPath) ?? ".", overrides);
        return sweep with { SourcePath = fullPath };
    }

    /// <summary>Validates YAML text; errors name <paramref name="fileNameForErrors"/>, relative data paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="SweepValidationException">Carrying every error of the text.</exception>
    public static SweepDefinition Parse(string yamlText, string fileNameForErrors, string baseDirectory,
        IReadOnlyList<string>? overrides = null)
    {
        var errors = new ErrorSink(fileNameForErrors);
        var root = LoadRoot(yamlText, errors);
        SweepDefinition? sweep = null;
        if (root is not null)
        {
            var applier = new OverrideApplier(errors);
            foreach (var text in overrides ?? [])
            {
                applier.Apply(root, text);
            }
            var sourceText = overrides is { Count: > 0 } ? AsRun(root, fileNameForErrors, overrides) : yamlText;
            sweep = new SweepReader(errors, baseDirectory).Read(root, "", sourceText);
        }
        if (errors.HasErrors || sweep is null)
        {
            throw new SweepValidationException(errors.HasErrors ? errors.Errors : [new SweepError(fileNameForErrors, 0, 0, "invalid sweep")]);
        }
        return sweep;
    }

    private static YamlMappingNode? LoadRoot(string yamlText, ErrorSink errors)
    {
        if (YamlText.TryLoad(yamlText, out var syntax) is not { } stream)
        {
            // A syntax error stops the parser, so it is the only error there is to report.
            var message = syntax!.Message;
            errors.At(syntax.Line, syntax.Column, message.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"duplicate key '{message["Duplicate key ".Length..]}'"
                : $"YAML syntax: {message}");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.At(1, 1, "a sweep file must be a mapping of keys (name, method, data, …)");
            return null;
        }
        return root;
    }

    /// <summary>The overridden document, so what is saved with the results reproduces the run.</summary>
    private static string AsRun(YamlMappingNode root, string fileName, IReadOnlyList<string> overrides)
    {
        var writer = new StringWriter();
        writer.WriteLine($"# {fileName} with {string.Join(" ", overrides.Select(o => $"--set {o}"))}");
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
