using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Trials;

/// <summary>
/// Everything needed to train one trial, with every swept parameter already resolved.
/// <paramref name="Id"/> is stable: the sweep's name plus the trial's index in the expansion.
/// </summary>
public sealed record TrialSpec(
    string Id,
    string SweepName,
    long Index,
    long Seed,
    DataSpec Data,
    int Outputs,
    double Lambda,
    double Dropout,
    IReadOnlyList<int> Widths,
    TrainingSettings Training,
    IReadOnlyList<SweptValue> SweptValues)
{
    public static string IdFor(string sweepName, long index) => $"{sweepName}-{index}";
}
