namespace SweepCluster.Core.Search;

/// <summary>
/// How much each observation of a group counts in its estimator, oldest first: Optuna's <c>default_weights</c>, 1 each
/// below 25 observations, else a linear ramp from 1/n up to 1 for the oldest and 1 for the latest 25.
/// </summary>
internal static class TpeWeights
{
    private const int Flat = 25;

    public static double[] For(int count)
    {
        var weights = new double[count];
        if (count < Flat)
        {
            Array.Fill(weights, 1.0);
            return weights;
        }
        // numpy.linspace(1/n, 1, n - 25): evenly spaced, both ends included (a ramp of one is just 1/n).
        var ramp = count - Flat;
        var start = 1.0 / count;
        var step = ramp > 1 ? (1.0 - start) / (ramp - 1) : 0;
        for (var i = 0; i < ramp; i++)
        {
            weights[i] = i * step + start;
        }
        if (ramp > 1)
        {
            weights[ramp - 1] = 1.0;
        }
        Array.Fill(weights, 1.0, ramp, Flat);
        return weights;
    }
}
