using System.Text.Json;
using SweepCluster.Core.Models;
using SweepCluster.Core.Results;

namespace SweepCluster.Models;

/// <summary>
/// A model's folder: model.onnx, model.safetensors and model.json. Written whole or not at all: the files go to a
/// sibling folder first, which then replaces the target by renames, so a reader (or a crash) never finds a mix of two models.
/// </summary>
public static class ModelFolder
{
    public const string Onnx = "model.onnx";
    public const string Safetensors = "model.safetensors";
    public const string Card = "model.json";

    public static IReadOnlyList<string> Files { get; } = [Onnx, Safetensors, Card];

    public static void Write(string folder, TrainedModel model, LeaderboardEntry entry, ModelOrigin origin)
    {
        var card = ModelCard.For(model, entry, origin);
        var metadata = new Dictionary<string, string>
        {
            ["sweep"] = origin.SweepName,
            ["definition_hash"] = origin.DefinitionHash,
            ["trial_id"] = entry.TrialId,
        };
        ReplaceWith(folder, staging =>
        {
            AtomicFile.Write(Path.Combine(staging, Onnx), stream => stream.Write(OnnxModelWriter.Build(model, metadata)));
            AtomicFile.Write(Path.Combine(staging, Safetensors), stream => SafetensorsFile.Write(stream, model, metadata));
            AtomicFile.WriteText(Path.Combine(staging, Card), JsonSerializer.Serialize(card, ModelCard.Json));
        });
    }

    /// <summary>Replaces <paramref name="folder"/> with a copy of <paramref name="source"/>'s model files (best/ from models/&lt;id&gt;/).</summary>
    public static void CopyTo(string source, string folder) =>
        ReplaceWith(folder, staging =>
        {
            foreach (var file in Files)
            {
                File.Copy(Path.Combine(source, file), Path.Combine(staging, file));
            }
        });

    public static void Delete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static ModelCard ReadCard(string folder) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(Path.Combine(folder, Card)), ModelCard.Json)
        ?? throw new InvalidDataException($"{Path.Combine(folder, Card)}: empty");

    private static void ReplaceWith(string folder, Action<string> fill)
    {
        var full = Path.GetFullPath(folder);
        var staging = full + ".writing";
        var old = full + ".old";
        Delete(staging);
        Directory.CreateDirectory(staging);
        fill(staging);
        Delete(old);
        if (Directory.Exists(full))
        {
            Directory.Move(full, old);
        }
        Directory.Move(staging, full);
        Delete(old);
    }
}
