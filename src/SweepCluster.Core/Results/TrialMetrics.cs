using System.Text.Json.Serialization;

namespace SweepCluster.Core.Results;

/// <summary>
/// The metrics of a trial, taken at its best epoch (lowest validation loss; with a refit, the best epoch of the refit), as
/// docs/architecture.md and the README ("Metrics") define them. Sparsity counts weight-matrix entries with |w| ≤ the sparsity
/// threshold. <paramref name="ActiveInputNames"/> names the <paramref name="ActiveInputs"/> inputs in data order (CSV column
/// names, <c>x0…</c> for synthetic data); <paramref name="ActiveNeurons"/> counts, per hidden layer, the units with an incoming
/// weight above the threshold. Both are null in results.jsonl lines written before they existed.
/// A classification trial has <paramref name="ValAccuracy"/>; a regression trial has <paramref name="ValRmse"/>,
/// <paramref name="ValMae"/> and <paramref name="ValR2"/> instead (in the target's units, as its losses are), and each
/// task's line leaves the other's out.
/// </summary>
public sealed record TrialMetrics(
    double ValLoss,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValAccuracy,
    double TrainLoss,
    double L1Norm,
    double Sparsity,
    double ExactZeroFraction,
    IReadOnlyList<double> LayerSparsity,
    int ActiveInputs,
    long Parameters,
    int EpochsRun,
    int BestEpoch,
    double Seconds,
    double SamplesPerSecond,
    IReadOnlyList<string>? ActiveInputNames = null,
    IReadOnlyList<int>? ActiveNeurons = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValRmse = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValMae = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValR2 = null);
