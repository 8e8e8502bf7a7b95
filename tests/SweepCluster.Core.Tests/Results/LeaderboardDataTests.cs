using System.Globalization;
using System.Text.Json;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Results;

public sealed class LeaderboardDataTests : IDisposable
{
    private static readonly string[] Swept = ["lambda", "dropout", "widths", "optimizer", "include_biases", "epochs", "custom"];
    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-data-{Guid.NewGuid():N}"));

    private static LeaderboardEntry Typed(double valLoss = 0.123456789012345) =>
        new(7,
            [
                new SweptValue("lambda", "1.234e-04"), new SweptValue("dropout", "0.1"), new SweptValue("widths", "[64, 32]"),
                new SweptValue("optimizer", "sgd"), new SweptValue("include_biases", "true"), new SweptValue("epochs", "30"),
                new SweptValue("custom", "12345.5"),
            ],
            new TrialResult("s-7", TrialStatus.Completed, null,
                new TrialMetrics(valLoss, 0.875, 0.25, 1234.5678, 0.3333333333333333, 0.125, [0.5, 0.0625], 3, 1_234_567, 30, 12, 61.25, 98765.4321),
                [], "w0", "node-a", "cpu"));

    private IReadOnlyList<RankedEntry> WriteBoard(params LeaderboardEntry[] entries)
    {
        var rows = new LeaderboardRanking(MetricSpec.Default).Rank(entries);
        new LeaderboardWriter(paths, Swept).Write(rows);
        return rows;
    }

    [Fact]
    public void Leaderboard_json_holds_swept_values_and_metrics_as_typed_values()
    {
        // given a completed trial that swept reals, an integer list, a word, a boolean, an integer and an unknown name
        // when the leaderboard is written
        WriteBoard(Typed());

        // then numbers are JSON numbers, widths an int array, words strings, booleans booleans
        using var json = JsonDocument.Parse(File.ReadAllText(paths.LeaderboardJson));
        var row = json.RootElement[0];
        Assert.Equal(1.234e-4, row.GetProperty("lambda").GetDouble());
        Assert.Equal(0.1, row.GetProperty("dropout").GetDouble());
        Assert.Equal([64, 32], row.GetProperty("widths").EnumerateArray().Select(w => w.GetInt32()));
        Assert.Equal("sgd", row.GetProperty("optimizer").GetString());
        Assert.True(row.GetProperty("include_biases").GetBoolean());
        Assert.Equal(30, row.GetProperty("epochs").GetInt32());
        Assert.Equal(12345.5, row.GetProperty("custom").GetDouble());
        Assert.Equal((1, "s-7", "completed"), (row.GetProperty("rank").GetInt32(), row.GetProperty("trial_id").GetString(), row.GetProperty("status").GetString()));

        // and every metric results.jsonl has is there at full precision
        Assert.Equal(0.123456789012345, row.GetProperty("val_loss").GetDouble());
        Assert.Equal((0.875, 0.25, 1234.5678, 0.3333333333333333, 0.125), (row.GetProperty("val_accuracy").GetDouble(), row.GetProperty("train_loss").GetDouble(),
            row.GetProperty("l1_norm").GetDouble(), row.GetProperty("sparsity").GetDouble(), row.GetProperty("exact_zero_fraction").GetDouble()));
        Assert.Equal([0.5, 0.0625], row.GetProperty("layer_sparsity").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal((3, 1_234_567L, 30, 12), (row.GetProperty("active_inputs").GetInt32(), row.GetProperty("parameters").GetInt64(),
            row.GetProperty("epochs_run").GetInt32(), row.GetProperty("best_epoch").GetInt32()));
        Assert.Equal((61.25, 98765.4321), (row.GetProperty("seconds").GetDouble(), row.GetProperty("samples_per_second").GetDouble()));
        Assert.Equal(("w0", "cpu", "node-a"), (row.GetProperty("worker").GetString(), row.GetProperty("device").GetString(), row.GetProperty("node").GetString()));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("reason").ValueKind);
        Assert.Equal(new LeaderboardFields(Swept).Names, row.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Non_finite_metric_is_null_in_json_and_empty_in_csv()
    {
        // given a trial whose validation loss is NaN
        WriteBoard(Typed(valLoss: double.NaN));

        // then leaderboard.json (which has no NaN) stays valid with null, and the CSV cell is empty (missing)
        using var json = JsonDocument.Parse(File.ReadAllText(paths.LeaderboardJson));
        Assert.Equal(JsonValueKind.Null, json.RootElement[0].GetProperty("val_loss").ValueKind);
        var csv = File.ReadAllLines(paths.LeaderboardCsv);
        var column = csv[0].Split(',').ToList().IndexOf("val_loss");
        Assert.Equal("", CsvCells(csv[1])[column]);
    }

    [Fact]
    public void Leaderboard_csv_has_every_metric_column_in_invariant_numbers_whatever_the_culture()
    {
        // given a process whose culture writes decimal commas and thousands separators
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = DecimalCommaCulture();
        try
        {
            // when the leaderboard is written
            var rows = WriteBoard(Typed());

            // then the header has every metric, and each numeric cell parses with the invariant culture to the exact value
            var csv = File.ReadAllLines(paths.LeaderboardCsv);
            var header = csv[0].Split(',');
            Assert.Subset(header.ToHashSet(), LeaderboardFields.MetricNamesOf(SweepTask.Classification).ToHashSet());
            var cells = CsvCells(csv[1]);
            Assert.Equal(header.Length, cells.Count);
            var values = new LeaderboardFields(Swept).Values(rows[0]);
            for (var i = 0; i < header.Length; i++)
            {
                switch (values[i])
                {
                    case double real:
                        Assert.Equal(real, double.Parse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture));
                        break;
                    case long integer:
                        Assert.Equal(integer, long.Parse(cells[i], NumberStyles.None, CultureInfo.InvariantCulture));
                        break;
                }
            }
            Assert.Equal("1234.5678", cells[header.ToList().IndexOf("l1_norm")]);
            Assert.Equal("1234567", cells[header.ToList().IndexOf("parameters")]);
            Assert.Equal("[64, 32]", cells[header.ToList().IndexOf("widths")]);
            Assert.Equal("true", cells[header.ToList().IndexOf("include_biases")]);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("lambda", "1e-04", 1e-4)]
    [InlineData("learning_rate", "3.5e-03", 3.5e-3)]
    [InlineData("dropout", "0", 0.0)]
    public void Swept_real_reads_back_as_a_double(string name, string text, double expected) =>
        Assert.Equal(expected, Assert.IsType<double>(SweptValueParser.Parse(name, text)));

    [Fact]
    public void Swept_values_read_back_by_their_parameter_kind()
    {
        Assert.Equal(256L, SweptValueParser.Parse("batch_size", "256"));
        Assert.Equal(false, SweptValueParser.Parse("include_biases", "false"));
        Assert.Equal([100, 200, 300], Assert.IsAssignableFrom<IReadOnlyList<int>>(SweptValueParser.Parse("widths", "[100, 200, 300]")));
        Assert.Equal("adam", SweptValueParser.Parse("optimizer", "adam"));
        Assert.Equal("1", SweptValueParser.Parse("l1_mode", "1"));
        Assert.Null(SweptValueParser.Parse("lambda", ""));
        Assert.Equal("maybe", SweptValueParser.Parse("custom", "maybe"));
        Assert.Equal(7L, SweptValueParser.Parse("custom", "7"));
    }

    // Built by hand: a machine in globalization-invariant mode (no ICU) has no de-DE to ask for.
    private static CultureInfo DecimalCommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        return culture;
    }

    /// <summary>Splits one CSV line by RFC 4180 (quotes around cells with commas).</summary>
    private static List<string> CsvCells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

    public void Dispose()
    {
        if (Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
    }
}
