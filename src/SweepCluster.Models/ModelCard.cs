using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SweepCluster.Core.Models;
using SweepCluster.Core.Results;

namespace SweepCluster.Models;

/// <summary>
/// model.json: enough to rebuild the network without any other file (with the weights of model.safetensors) and to
/// know where it came from. <see cref="Widths"/>, <see cref="Inputs"/>, <see cref="Outputs"/> and
/// <see cref="Activation"/> give <c>Linear(inputs, w1) → ReLU → … → Linear(wn, outputs)</c> (logits); the inputs are
/// <see cref="Features"/> in that order, standardised as <see cref="Standardisation"/> says; output i is class
/// <c>Classes[i]</c>, as the data's <see cref="LabelColumn"/> names it. <see cref="Swept"/>, <see cref="Seed"/> and <see cref="Metrics"/> are the trial's.
/// A regression model (<see cref="Task"/> <c>regression</c>) has one output, no classes, and <see cref="TargetMean"/> and
/// <see cref="TargetStd"/>: its prediction in the target's units is <c>output · target_std + target_mean</c>.
/// </summary>
public sealed record ModelCard(
    string Format,
    string Sweep,
    string DefinitionHash,
    string TrialId,
    long TrialIndex,
    long Seed,
    IReadOnlyDictionary<string, string> Swept,
    TrialMetrics? Metrics,
    int Inputs,
    IReadOnlyList<int> Widths,
    int Outputs,
    string Activation,
    string Output,
    string Standardisation,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> ActiveInputNames,
    string? LabelColumn = null,
    string Task = "classification",
    double? TargetMean = null,
    double? TargetStd = null)
{
    [JsonIgnore]
    public bool IsRegression => Task == "regression";

    public const string FormatName = "sweepcluster-ffnn-1";

    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // model.json is read by people too: "split's", not "split\u0027s" (it is never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ModelCard For(TrainedModel model, LeaderboardEntry entry, ModelOrigin origin) => new(
        FormatName,
        origin.SweepName,
        origin.DefinitionHash,
        entry.TrialId,
        entry.Index,
        model.Seed,
        entry.SweptValues.ToDictionary(v => v.Name, v => v.Text),
        entry.Result.Metrics,
        model.Inputs,
        model.Widths,
        model.Outputs,
        "relu",
        model.Task == Core.Sweeps.SweepTask.Regression ? "prediction = output * target_std + target_mean, in the target's units" : "logits",
        "(x - input_mean) / input_std, per feature, with the training split's statistics (in model.safetensors)",
        model.Features,
        model.Classes,
        entry.Result.Metrics?.ActiveInputNames ?? [],
        model.LabelColumn,
        model.Task == Core.Sweeps.SweepTask.Regression ? "regression" : "classification",
        model.Task == Core.Sweeps.SweepTask.Regression ? model.TargetMean : null,
        model.Task == Core.Sweeps.SweepTask.Regression ? model.TargetStd : null);
}
