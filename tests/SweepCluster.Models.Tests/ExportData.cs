using System.Globalization;
using System.Text;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;

namespace SweepCluster.Models.Tests;

/// <summary>
/// A seeded CSV of 5 features and 3 string classes (<c>red</c>, <c>green</c>, <c>blue</c>) whose columns live on very
/// different scales and offsets (around 10⁴, around 10⁻³, …), so that a model run on the raw columns predicts well only if
/// the training split's standardisation travels with it; plus the raw validation rows, as the split chose them.
/// </summary>
internal sealed class ExportData : IDisposable
{
    public const string Label = "colour";
    public const double ValidationFraction = 0.25;
    public const long SplitSeed = 3;

    private static readonly (double Offset, double Scale)[] Columns = [(1e4, 300), (0, 1e-3), (-50, 1), (7.5, 0.02), (0, 1e3)];
    private static readonly string[] Classes = ["red", "green", "blue"];

    public ExportData(int rows = 400, int seed = 5)
    {
        Folder = Directory.CreateTempSubdirectory("sweepcluster-export-").FullName;
        Path = System.IO.Path.Combine(Folder, "colours.csv");
        var random = new Random(seed);
        var text = new StringBuilder("hue,tiny,offset,narrow,wide," + Label + "\n");
        for (var r = 0; r < rows; r++)
        {
            var z = Enumerable.Range(0, Columns.Length).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var score = z[0] + 0.8 * z[1] * z[2] - 0.5 * z[3];
            var label = score < -0.6 ? 0 : score < 0.6 ? 1 : 2;
            var cells = z.Select((v, c) => (Columns[c].Offset + Columns[c].Scale * v).ToString("R", CultureInfo.InvariantCulture));
            text.Append(string.Join(',', cells)).Append(',').Append(Classes[label]).Append('\n');
        }
        File.WriteAllText(Path, text.ToString());
        Table = CsvDatasetLoader.Load(Spec);
        ValidationRows = DatasetSplitter.ValidationRows(Table.Rows, ValidationFraction, SplitSeed);
    }

    public string Folder { get; }

    public string Path { get; }

    public CsvDataSpec Spec => new(Path, Label, SplitSeed, ValidationFraction);

    public TabularData Table { get; }

    public int[] ValidationRows { get; }

    /// <summary>The validation rows' raw features, row-major, as the CSV holds them.</summary>
    public float[] RawValidationFeatures() =>
        [.. ValidationRows.SelectMany(r => Table.Features.Skip(r * Table.FeatureCount).Take(Table.FeatureCount))];

    /// <summary>The validation rows' labels, as the CSV's strings.</summary>
    public string[] ValidationLabels() => [.. ValidationRows.Select(r => Table.ClassNames[(int)Table.Labels[r]])];

    /// <summary>Writes the validation rows (features and label) as a CSV, with the columns in <paramref name="order"/>.</summary>
    public string WriteValidationCsv(string name, IReadOnlyList<string> order)
    {
        var lines = File.ReadAllLines(Path);
        var header = lines[0].Split(',');
        var positions = order.Select(n => Array.IndexOf(header, n)).ToArray();
        var text = new StringBuilder(string.Join(',', order)).Append('\n');
        foreach (var row in ValidationRows)
        {
            var cells = lines[row + 1].Split(',');
            text.Append(string.Join(',', positions.Select(p => cells[p]))).Append('\n');
        }
        var path = System.IO.Path.Combine(Folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
