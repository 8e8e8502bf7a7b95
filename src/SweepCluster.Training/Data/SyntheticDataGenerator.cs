using SweepCluster.Core.Sweeps;

namespace SweepCluster.Training.Data;

/// <summary>
/// Makes a classification problem where only the first <c>Informative</c> features carry signal
/// (class centroids plus unit noise) and the remaining features are pure noise: the case where an
/// L1 penalty should switch the noise inputs off. Classes are balanced; everything follows the seed.
/// </summary>
public static class SyntheticDataGenerator
{
    /// <summary>Distance scale of the class centroids; 1.0 leaves the classes overlapping, so accuracy is informative.</summary>
    private const double CentroidScale = 1.5;

    /// <summary>How messages name this data (a CSV is named by its path).</summary>
    public const string Source = "the synthetic data";

    public static TabularData Generate(SyntheticDataSpec spec)
    {
        Validate(spec);
        var gaussian = new GaussianSource(spec.Seed);
        var centroids = DrawCentroids(spec, gaussian);
        var features = new float[spec.Samples * spec.Features];
        var labels = new long[spec.Samples];
        for (var row = 0; row < spec.Samples; row++)
        {
            var label = row % spec.Classes;
            labels[row] = label;
            for (var column = 0; column < spec.Features; column++)
            {
                var centre = column < spec.Informative ? centroids[label, column] : 0.0;
                features[row * spec.Features + column] = (float)(centre + gaussian.Next());
            }
        }
        // x0 … x{n-1}, as the outputs name synthetic inputs; the first Informative of them carry the signal.
        var featureNames = TensorDataset.DefaultNames(spec.Features);
        var classNames = Enumerable.Range(0, spec.Classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new TabularData(features, labels, spec.Samples, featureNames, classNames);
    }

    private static double[,] DrawCentroids(SyntheticDataSpec spec, GaussianSource gaussian)
    {
        var centroids = new double[spec.Classes, spec.Informative];
        for (var label = 0; label < spec.Classes; label++)
        {
            for (var column = 0; column < spec.Informative; column++)
            {
                centroids[label, column] = CentroidScale * gaussian.Next();
            }
        }
        return centroids;
    }

    private static void Validate(SyntheticDataSpec spec)
    {
        if (spec.Samples < 2 || spec.Features < 1 || spec.Classes < 2 || spec.Informative < 1 || spec.Informative > spec.Features)
        {
            throw new DatasetException($"synthetic data: need samples ≥ 2, features ≥ 1, classes ≥ 2 and 1 ≤ informative ≤ features (got samples={spec.Samples}, features={spec.Features}, informative={spec.Informative}, classes={spec.Classes})");
        }
    }
}
