using System.Globalization;

namespace SweepCluster.Training.Data;

/// <summary>
/// How many rows the training and validation splits get. Plain arithmetic, shared by the split itself and the check a
/// sweep's data gets before any trial (which runs without libtorch), so that both agree on which data is too small.
/// </summary>
public sealed record SplitSizes(int Training, int Validation)
{
    /// <param name="source">What the rows are, for the message: a CSV path, or the synthetic data.</param>
    /// <exception cref="DatasetException">A split would be empty.</exception>
    public static SplitSizes Of(int rows, double validationFraction, string source)
    {
        var validation = (int)Math.Round(rows * validationFraction);
        var sizes = new SplitSizes(rows - validation, validation);
        if (sizes.Validation < 1 || sizes.Training < 1)
        {
            var fraction = validationFraction.ToString(CultureInfo.InvariantCulture);
            throw new DatasetException($"data.validation_fraction={fraction} of the {rows} rows of {source} leaves {sizes.Training} training and "
                + $"{sizes.Validation} validation rows; each split needs at least one row (change data.validation_fraction or add rows)");
        }
        return sizes;
    }
}
