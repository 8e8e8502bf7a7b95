namespace SweepCluster.Core.Results;

/// <summary>
/// How a regression target is standardised for training: <c>z = (y − Mean) / Std</c> with the training split's mean and
/// (population) standard deviation, and back, <c>y = z · Std + Mean</c>, for every prediction the outputs show. A
/// constant target keeps Std 1, as a constant feature does. The network learns z, so one learning rate and one lambda
/// suit targets of any scale; the metrics and the exported model are in the target's units.
/// </summary>
public sealed record TargetScaling(double Mean, double Std)
{
    public static TargetScaling Identity { get; } = new(0, 1);

    /// <summary>The scaling of <paramref name="values"/> (the training split's targets).</summary>
    public static TargetScaling Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no target values", nameof(values));
        }
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        var std = Math.Sqrt(variance);
        return new TargetScaling(mean, std > 1e-12 ? std : 1.0);
    }

    public double Standardise(double value) => (value - Mean) / Std;

    public double Restore(double standardised) => standardised * Std + Mean;
}
