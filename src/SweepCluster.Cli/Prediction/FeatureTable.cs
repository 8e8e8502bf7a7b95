using System.Globalization;
using SweepCluster.Training.Data;

namespace SweepCluster.Cli.Prediction;

/// <summary>
/// The rows of a CSV to predict on, as the model's features in the model's order: columns are matched by header name, in
/// any order. The data's label column may be there (it is skipped); any other unknown column, a missing feature, a row of
/// the wrong length or a cell that is not a number is a <see cref="PredictionException"/> naming the file, line and column.
/// </summary>
public sealed record FeatureTable(float[] Values, int Rows, int Features)
{
    public static FeatureTable Read(string path, IReadOnlyList<string> features, string? labelColumn)
    {
        if (!File.Exists(path))
        {
            throw new PredictionException($"{path}: no such file");
        }
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() is { } first ? CsvLine.Split(first) : throw new PredictionException($"{path}: empty file (expected a header row naming the features)");
        var positions = Positions(path, header, features, labelColumn);
        var values = new List<float>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            var cells = CsvLine.Split(text);
            if (cells.Count != header.Count)
            {
                throw new PredictionException($"{path}: line {line}: {cells.Count} cells, but the header has {header.Count} columns");
            }
            foreach (var (feature, column) in features.Zip(positions))
            {
                values.Add(float.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new PredictionException($"{path}: line {line}, column {column + 1} ('{feature}'): '{cells[column]}' is not a number"));
            }
        }
        return new FeatureTable([.. values], values.Count / Math.Max(1, features.Count), features.Count);
    }

    /// <summary>Where each feature is in the header.</summary>
    private static int[] Positions(string path, List<string> header, IReadOnlyList<string> features, string? labelColumn)
    {
        var extra = header.Where(name => !features.Contains(name) && name != labelColumn).ToList();
        if (extra.Count > 0)
        {
            var column = header.IndexOf(extra[0]) + 1;
            throw new PredictionException($"{path}: line 1, column {column}: '{extra[0]}' is not a feature of the model (expected {Names(features)}{(labelColumn is null ? "" : $", and optionally the label '{labelColumn}'")})");
        }
        var missing = features.Where(name => !header.Contains(name)).ToList();
        if (missing.Count > 0)
        {
            throw new PredictionException($"{path}: line 1: missing feature column{(missing.Count > 1 ? "s" : "")} {Names(missing)}");
        }
        var duplicate = header.GroupBy(name => name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PredictionException($"{path}: line 1: column '{duplicate.Key}' appears {duplicate.Count()} times");
        }
        return [.. features.Select(name => header.IndexOf(name))];
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
