using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using SweepCluster.Cli.Prediction;
using SweepCluster.Core.Results;
using SweepCluster.Models;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster predict MODEL_DIR DATA.csv [--out FILE]</c>: runs a kept model (<c>&lt;out&gt;/best/</c> or
/// <c>&lt;out&gt;/models/&lt;trial_id&gt;/</c>) on the raw feature columns of a CSV and writes one row per input row: the
/// <c>label</c> and one <c>p_&lt;class&gt;</c> column per class, or for a regression model one <c>prediction</c> column in the
/// target's units. Every input is checked before anything is written; bad
/// input is exit 2 naming the file, line and column, and <c>--out</c> is written whole or not at all.
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var modelDir = new Argument<DirectoryInfo>("MODEL_DIR") { Description = "A model folder: <out>/best/ or <out>/models/<trial_id>/." };
        var data = new Argument<FileInfo>("DATA") { Description = "A CSV with a header row naming the model's features (any order; the label column may be there too)." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the predictions CSV (default: standard output)." };
        var command = new Command("predict", "Predict with a model a sweep kept: one row per input row, the label and each class's probability (a regression model: the prediction).")
        {
            modelDir, data, output,
        };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(modelDir).FullName, parseResult.GetRequiredValue(data).FullName,
            parseResult.GetValue(output)?.FullName, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string modelDir, string dataFile, string? outputFile, TextWriter output, TextWriter error)
    {
        try
        {
            CheckFolder(modelDir);
            using var predictor = Open(modelDir);
            var table = FeatureTable.Read(dataFile, predictor.Card.Features, predictor.Card.LabelColumn);
            var text = predictor.Card.IsRegression
                ? FormatPredictions(predictor.PredictValues(table))
                : Format(predictor.Card.Classes, predictor.Predict(table));
            if (outputFile is null)
            {
                output.Write(text);
            }
            else
            {
                AtomicFile.WriteText(outputFile, text);
            }
            return ExitCodes.Success;
        }
        catch (PredictionException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static void CheckFolder(string modelDir)
    {
        if (!Directory.Exists(modelDir))
        {
            throw new PredictionException($"{modelDir}: no such model folder");
        }
        var missing = ModelFolder.Files.Where(file => !File.Exists(Path.Combine(modelDir, file))).ToList();
        if (missing.Count > 0)
        {
            throw new PredictionException($"{modelDir}: not a model folder: {string.Join(", ", missing)} missing "
                + $"(a model folder holds {string.Join(", ", ModelFolder.Files)}, as <out>/best/ does)");
        }
    }

    private static OnnxPredictor Open(string modelDir)
    {
        try
        {
            return new OnnxPredictor(modelDir);
        }
        catch (Exception e) when (e is OnnxRuntimeException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw new PredictionException($"{modelDir}: the model cannot be read: {e.Message}");
        }
    }

    private static string Format(IReadOnlyList<string> classes, IEnumerable<(string Label, float[] Probabilities)> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', classes.Select(c => Cell($"p_{c}")).Prepend("label")).Append('\n');
        foreach (var (label, probabilities) in rows)
        {
            text.Append(Cell(label));
            foreach (var p in probabilities)
            {
                text.Append(',').Append(p.ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string FormatPredictions(IEnumerable<float> predictions)
    {
        var text = new StringBuilder("prediction\n");
        foreach (var prediction in predictions)
        {
            text.Append(prediction.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    // RFC 4180: a cell holding a comma, quote or line break is quoted, its quotes doubled.
    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
