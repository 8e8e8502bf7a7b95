using System.Text.Json.Serialization;

namespace SweepCluster.Core.Results;

/// <summary>
/// One epoch of a trial's learning curve. <paramref name="Refit"/> marks the epochs of the refit phase (lambda 0, zero
/// pattern frozen) that follow the regularized ones; epochs are numbered on across both phases. A classification epoch has
/// <paramref name="ValAccuracy"/>, a regression epoch <paramref name="ValRmse"/>, <paramref name="ValMae"/> and
/// <paramref name="ValR2"/>; the losses of a regression epoch are in the target's units.
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double ValLoss,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValAccuracy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Refit = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValRmse = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValMae = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValR2 = null);
