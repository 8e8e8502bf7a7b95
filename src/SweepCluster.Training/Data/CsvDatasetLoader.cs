using System.Globalization;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Training.Data;

/// <summary>
/// Reads a CSV table: a header row, numeric feature columns and one label column holding class names or integers
/// (classification) or numbers (a regression target, <see cref="DataSpec.Task"/>). Every problem is reported with the file,
/// row and column.
/// Rows are numbered as a text editor shows them (the header is row 1).
/// </summary>
public static class CsvDatasetLoader
{
    public static TabularData Load(CsvDataSpec spec)
    {
        if (!File.Exists(spec.Path))
        {
            throw new DatasetException($"{spec.Path}: file not found");
        }
        var lines = File.ReadAllLines(spec.Path);
        var header = FindHeader(spec.Path, lines);
        var labelColumn = header.IndexOf(spec.Label);
        if (labelColumn < 0)
        {
            throw new DatasetException($"{spec.Path}: row 1: no label column '{spec.Label}' (columns: {string.Join(", ", header)})");
        }
        var featureColumns = Enumerable.Range(0, header.Count).Where(i => i != labelColumn).ToList();
        if (featureColumns.Count == 0)
        {
            throw new DatasetException($"{spec.Path}: no feature columns besides the label '{spec.Label}'");
        }
        var features = new List<float>();
        var rawLabels = new List<string>();
        var rowNumbers = new List<int>();
        for (var index = 1; index < lines.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }
            ReadRow(spec, header, featureColumns, labelColumn, lines[index], rowNumber: index + 1, features, rawLabels);
            rowNumbers.Add(index + 1);
        }
        if (rawLabels.Count == 0)
        {
            throw new DatasetException($"{spec.Path}: no data rows after the header");
        }
        var featureNames = featureColumns.Select(i => header[i]).ToList();
        if (spec.Task == SweepTask.Regression)
        {
            return new TabularData(features.ToArray(), [], rawLabels.Count, featureNames, [], Targets(spec, rawLabels, rowNumbers));
        }
        var classNames = ClassNamesOf(rawLabels);
        if (classNames.Count < 2)
        {
            throw new DatasetException($"{spec.Path}: column '{spec.Label}' holds one class only ('{classNames[0]}'); classification needs at least two");
        }
        var classIndex = classNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => (long)p.i);
        var labels = rawLabels.Select(l => classIndex[l]).ToArray();
        return new TabularData(features.ToArray(), labels, labels.Length, featureNames, classNames);
    }

    /// <summary>A regression target must be a finite number in every row.</summary>
    private static double[] Targets(CsvDataSpec spec, List<string> rawLabels, List<int> rowNumbers)
    {
        var targets = new double[rawLabels.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            var cell = rawLabels[i];
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new DatasetException($"{spec.Path}: row {rowNumbers[i]}, column '{spec.Label}': '{cell}' is not a number "
                    + "(task: regression needs a numeric target)");
            }
            if (!double.IsFinite(value))
            {
                throw new DatasetException($"{spec.Path}: row {rowNumbers[i]}, column '{spec.Label}': '{cell}' is not a finite number "
                    + "(task: regression needs a numeric target; NaN and infinities are not allowed)");
            }
            targets[i] = value;
        }
        return targets;
    }

    private static List<string> FindHeader(string path, string[] lines)
    {
        if (lines.Length == 0 || lines.All(string.IsNullOrWhiteSpace))
        {
            throw new DatasetException($"{path}: the file is empty (expected a header row and data rows)");
        }
        if (string.IsNullOrWhiteSpace(lines[0]))
        {
            throw new DatasetException($"{path}: row 1: the header row is empty");
        }
        return CsvLine.Split(lines[0]);
    }

    private static void ReadRow(CsvDataSpec spec, List<string> header, List<int> featureColumns, int labelColumn,
        string line, int rowNumber, List<float> features, List<string> labels)
    {
        var cells = CsvLine.Split(line);
        if (cells.Count != header.Count)
        {
            throw new DatasetException($"{spec.Path}: row {rowNumber}: {cells.Count} cells, but the header has {header.Count} columns");
        }
        foreach (var column in featureColumns)
        {
            features.Add(ParseNumber(spec.Path, rowNumber, header[column], cells[column]));
        }
        var label = cells[labelColumn];
        if (label.Length == 0)
        {
            throw new DatasetException($"{spec.Path}: row {rowNumber}, column '{spec.Label}': the label is empty");
        }
        labels.Add(label);
    }

    private static float ParseNumber(string path, int row, string column, string cell)
    {
        if (cell.Length == 0)
        {
            throw new DatasetException($"{path}: row {row}, column '{column}': the cell is empty (missing values are not supported)");
        }
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new DatasetException($"{path}: row {row}, column '{column}': '{cell}' is not a number");
        }
        if (!double.IsFinite(value))
        {
            throw new DatasetException($"{path}: row {row}, column '{column}': '{cell}' is not a finite number (NaN and infinities are not allowed)");
        }
        return (float)value;
    }

    /// <summary>Integer labels sort numerically, names alphabetically, so class indices do not depend on row order.</summary>
    private static List<string> ClassNamesOf(List<string> rawLabels)
    {
        var distinct = rawLabels.Distinct().ToList();
        var allIntegers = distinct.All(l => long.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        return allIntegers
            ? distinct.OrderBy(l => long.Parse(l, CultureInfo.InvariantCulture)).ToList()
            : distinct.OrderBy(l => l, StringComparer.Ordinal).ToList();
    }
}
