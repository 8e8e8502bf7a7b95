using System.Text.Json.Serialization;

namespace SweepCluster.Core.Results;

/// <summary>
/// One epoch of a trial's learning curve. <paramref name="Refit"/> marks the epochs of the refit phase (lambda 0, zero
/// pattern frozen) that follow the regularized ones; epochs are numbered on across both phases.
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double ValLoss,
    double ValAccuracy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Refit = false);
