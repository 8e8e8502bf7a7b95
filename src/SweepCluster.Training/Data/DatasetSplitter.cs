using SweepCluster.Core.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Data;

/// <summary>
/// Splits a table into training and validation rows (a seeded shuffle), standardizes every feature
/// with the training split's mean and standard deviation only, and moves both splits to the device. A regression
/// target is standardised the same way (<see cref="TargetScaling"/>, training split only).
/// </summary>
public static class DatasetSplitter
{
    /// <param name="source">What the rows are (a CSV path, the synthetic data), named when a split would be empty.</param>
    public static TensorDataset Split(TabularData data, double validationFraction, long seed, Device device, string source = "the data")
    {
        var validationRows = SplitSizes.Of(data.Rows, validationFraction, source).Validation;
        var order = ShuffledRows(data.Rows, seed);
        var validation = order[..validationRows];
        var train = order[validationRows..];
        var (mean, scale) = TrainingStatistics(data, train);
        if (data.Targets is { } targets)
        {
            return SplitRegression(data, targets, train, validation, mean, scale, device);
        }
        return new TensorDataset(
            ToFeatureTensor(data, train, mean, scale, device),
            ToLabelTensor(data, train, device),
            ToFeatureTensor(data, validation, mean, scale, device),
            ToLabelTensor(data, validation, device),
            data.ClassCount,
            data.FeatureNames,
            data.ClassNames,
            [.. mean.Select(m => (float)m)],
            [.. scale.Select(s => (float)s)]);
    }

    private static TensorDataset SplitRegression(TabularData data, double[] targets, int[] train, int[] validation,
        double[] mean, double[] scale, Device device)
    {
        var target = TargetScaling.Of([.. train.Select(r => targets[r])]);
        var validationMean = validation.Average(r => targets[r]);
        var totalSquares = validation.Sum(r => (targets[r] - validationMean) * (targets[r] - validationMean));
        return new TensorDataset(
            ToFeatureTensor(data, train, mean, scale, device),
            ToTargetTensor(targets, train, target, device),
            ToFeatureTensor(data, validation, mean, scale, device),
            ToTargetTensor(targets, validation, target, device),
            1,
            data.FeatureNames,
            [],
            [.. mean.Select(m => (float)m)],
            [.. scale.Select(s => (float)s)],
            target,
            totalSquares);
    }

    private static Tensor ToTargetTensor(double[] targets, int[] rows, TargetScaling target, Device device)
    {
        using var host = torch.tensor(rows.Select(r => (float)target.Standardise(targets[r])).ToArray());
        return host.to(device);
    }

    /// <summary>The rows of the table, by index, that <see cref="Split"/> puts in the validation split, in its order: what a model's val_accuracy was measured on.</summary>
    public static int[] ValidationRows(int rows, double validationFraction, long seed, string source = "the data") =>
        ShuffledRows(rows, seed)[..SplitSizes.Of(rows, validationFraction, source).Validation];

    private static int[] ShuffledRows(int rows, long seed)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(unchecked((int)(seed ^ (seed >> 32)) + 1)).Shuffle(order);
        return order;
    }

    private static (double[] Mean, double[] Scale) TrainingStatistics(TabularData data, int[] rows)
    {
        var columns = data.FeatureCount;
        var mean = new double[columns];
        var squares = new double[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < columns; c++)
            {
                mean[c] += data.Features[row * columns + c];
            }
        }
        for (var c = 0; c < columns; c++)
        {
            mean[c] /= rows.Length;
        }
        foreach (var row in rows)
        {
            for (var c = 0; c < columns; c++)
            {
                var d = data.Features[row * columns + c] - mean[c];
                squares[c] += d * d;
            }
        }
        // A constant column keeps scale 1 instead of dividing by zero.
        var scale = squares.Select(s => Math.Sqrt(s / rows.Length)).Select(s => s > 1e-12 ? s : 1.0).ToArray();
        return (mean, scale);
    }

    private static Tensor ToFeatureTensor(TabularData data, int[] rows, double[] mean, double[] scale, Device device)
    {
        var columns = data.FeatureCount;
        var values = new float[rows.Length * columns];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[i * columns + c] = (float)((data.Features[rows[i] * columns + c] - mean[c]) / scale[c]);
            }
        }
        using var host = torch.tensor(values, new long[] { rows.Length, columns });
        return host.to(device);
    }

    private static Tensor ToLabelTensor(TabularData data, int[] rows, Device device)
    {
        using var host = torch.tensor(rows.Select(r => data.Labels[r]).ToArray());
        return host.to(device);
    }
}
