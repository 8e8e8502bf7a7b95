namespace SweepCluster.Training.Packing;

/// <summary>The pack size calibration chose, and the trial-samples/s it measured for each candidate size.</summary>
public sealed record PackDecision(int PackSize, IReadOnlyDictionary<int, double> TrialSamplesPerSecond)
{
    /// <summary>
    /// The size to train when only <paramref name="offered"/> trials are at hand: the chosen size if it fits, else the
    /// best measured size that fits and beats K = 1 by <paramref name="requiredGain"/>, else 1. A size never measured is
    /// never assumed to pay.
    /// </summary>
    public int PackSizeFor(int offered, double requiredGain)
    {
        if (PackSize <= offered)
        {
            return PackSize;
        }
        var single = TrialSamplesPerSecond.GetValueOrDefault(1);
        return TrialSamplesPerSecond
            .Where(e => e.Key > 1 && e.Key <= offered && e.Value >= single * requiredGain)
            .OrderByDescending(e => e.Value)
            .Select(e => e.Key)
            .FirstOrDefault(1);
    }
}
