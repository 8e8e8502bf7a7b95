using SweepCluster.Core.Sweeps;

namespace SweepCluster.Training.Data;

/// <summary>
/// Friedman's first regression problem: every input uniform on [0, 1], the target
/// <c>y = 10·sin(π·x0·x1) + 20·(x2 − 0.5)² + 10·x3 + 5·x4 + ε</c>, ε ~ N(0, Noise²). Only x0 … x4 carry signal, the
/// remaining inputs are noise: the case where group L1 should switch exactly those off. Both interaction (x0·x1) and
/// curvature (x2) are in it, so a linear model cannot fit it and a network has something to learn. Everything follows
/// the seed.
/// </summary>
public static class SyntheticRegressionGenerator
{
    public static TabularData Generate(SyntheticDataSpec spec)
    {
        Validate(spec);
        var uniform = new Random(unchecked((int)(spec.Seed ^ (spec.Seed >> 32))));
        var noise = new GaussianSource(spec.Seed + 1);
        var features = new float[spec.Samples * spec.Features];
        var targets = new double[spec.Samples];
        for (var row = 0; row < spec.Samples; row++)
        {
            var x = features.AsSpan(row * spec.Features, spec.Features);
            for (var column = 0; column < spec.Features; column++)
            {
                x[column] = (float)uniform.NextDouble();
            }
            targets[row] = Friedman(x) + spec.Noise * noise.Next();
        }
        return new TabularData(features, [], spec.Samples, TensorDataset.DefaultNames(spec.Features), [], targets);
    }

    /// <summary>The noiseless target of one row (computed from the float inputs the network sees).</summary>
    public static double Friedman(ReadOnlySpan<float> x) =>
        10 * Math.Sin(Math.PI * x[0] * x[1]) + 20 * (x[2] - 0.5) * (x[2] - 0.5) + 10 * x[3] + 5 * x[4];

    private static void Validate(SyntheticDataSpec spec)
    {
        if (spec.Samples < 2 || spec.Features < SyntheticDataSpec.RegressionInformative || spec.Noise < 0)
        {
            throw new DatasetException($"synthetic regression data: need samples ≥ 2, features ≥ {SyntheticDataSpec.RegressionInformative} and noise ≥ 0 "
                + $"(got samples={spec.Samples}, features={spec.Features}, noise={spec.Noise})");
        }
    }
}
