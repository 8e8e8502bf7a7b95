using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Trials;

/// <summary>
/// Everything needed to train one trial, with every swept parameter already resolved.
/// <paramref name="Id"/> is stable: the sweep's name plus the trial's index in the expansion.
/// </summary>
/// <param name="Seed">The trial's own seed (initialisation, dropout, batch order), derived from the sweep seed and <paramref name="Index"/>.</param>
/// <param name="Outputs">
/// The number of output classes. 0 means "infer from the data": a CSV sweep without <c>model.outputs</c>
/// leaves it to the trainer, which counts the distinct labels.
/// </param>
/// <param name="Lambda">The L1 strength; 0 when lambda is not swept.</param>
/// <param name="SweptValues">One entry per swept parameter, in the order of the sweep file.</param>
/// <param name="Repeat">Which repeat of its configuration this trial is (0-based); null when the sweep has no <c>repeats</c> above 1.</param>
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
    IReadOnlyList<SweptValue> SweptValues,
    int? Repeat = null)
{
    public static string IdFor(string sweepName, long index) => $"{sweepName}-{index}";

    /// <summary>The id of repeat <paramref name="repeat"/> of configuration <paramref name="configuration"/>: <c>name-c-r</c>; the configuration's own is <see cref="IdFor"/>.</summary>
    public static string IdFor(string sweepName, long configuration, int repeat) => $"{sweepName}-{configuration}-r{repeat}";
}
