namespace SweepCluster.Core.Results;

/// <summary>
/// A metric over a configuration's repeats: the mean and the sample standard deviation (divisor n − 1; NaN with one
/// repeat, where no spread can be measured).
/// </summary>
public sealed record MetricSpread(double Mean, double Std)
{
    public static MetricSpread Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new MetricSpread(double.NaN, double.NaN);
        }
        var mean = values.Average();
        if (values.Count == 1)
        {
            return new MetricSpread(mean, double.NaN);
        }
        var squares = values.Sum(v => (v - mean) * (v - mean));
        return new MetricSpread(mean, Math.Sqrt(squares / (values.Count - 1)));
    }
}
