using System.Globalization;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Native;
using SweepCluster.Training.Trainer;
using Xunit.Abstractions;

namespace SweepCluster.Models.Tests;

public sealed class RegressionExportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-regression-export-").FullName;
    private readonly ITestOutputHelper output;

    public RegressionExportTests(ITestOutputHelper output)
    {
        this.output = output;
        TorchRuntime.EnsureLoaded();
    }

    [Fact]
    public void The_onnx_prediction_is_in_the_targets_units_and_scores_the_reported_val_loss()
    {
        // given a regression trial trained on raw columns of very different scales, with a target around 1000
        var spec = new CsvDataSpec(WriteCsv(), "price", SplitSeed: 3, ValidationFraction: 0.25) { Task = SweepTask.Regression };
        var trial = new TrialSpec("reg-0", "reg", 0, 17, spec, 1, 0, 0, [32, 16],
            new TrainingSettings(Epochs: 15, BatchSize: 32, LearningRate: 1e-2, Threads: 1), []);
        using var trainer = new TorchTrialTrainer();
        var result = trainer.Train(trial, null, CancellationToken.None);
        var model = result.Model!;

        // when its ONNX export runs on ONNX Runtime on the raw validation rows
        var table = CsvDatasetLoader.Load(spec);
        var rows = DatasetSplitter.ValidationRows(table.Rows, spec.ValidationFraction, spec.SplitSeed);
        var raw = rows.SelectMany(r => table.Features.AsSpan(r * table.FeatureCount, table.FeatureCount).ToArray()).ToArray();
        var predictions = Predict(OnnxModelWriter.Build(model), raw, rows.Length);

        // then the output is prediction [N, 1] in the target's units: its MSE against the raw targets is the reported val_loss
        var mse = rows.Select((r, i) => Math.Pow(predictions[i] - table.Targets![r], 2)).Average();
        output.WriteLine($"ONNX MSE {mse} vs reported val_loss {result.Metrics!.ValLoss}; val_r2 {result.Metrics.ValR2}");
        Assert.Equal(1, Math.Round(mse / result.Metrics.ValLoss, 3));
        Assert.True(result.Metrics.ValR2 > 0.8, $"val_r2 {result.Metrics.ValR2}");
        Assert.Equal(SweepTask.Regression, model.Task);
        Assert.Empty(model.Classes);

        // and model.json records the task and the target's scaling
        var modelFolder = Path.Combine(folder, "model");
        ModelFolder.Write(modelFolder, model, LeaderboardEntry.For(trial, result), new ModelOrigin("reg", "hash"));
        var card = ModelFolder.ReadCard(modelFolder);
        Assert.Equal("regression", card.Task);
        Assert.Equal(model.TargetMean, card.TargetMean);
        Assert.Equal(model.TargetStd, card.TargetStd);
        Assert.Equal(1, card.Outputs);
        Assert.Null(card.Metrics!.ValAccuracy);
    }

    private static float[] Predict(byte[] onnx, float[] features, int rows)
    {
        using var session = new InferenceSession(onnx);
        Assert.Equal([OnnxModelWriter.PredictionOutput], session.OutputMetadata.Keys);
        var input = new DenseTensor<float>(features, [rows, features.Length / rows]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(OnnxModelWriter.FeaturesInput, input)]);
        var prediction = outputs.Single().AsTensor<float>();
        Assert.Equal([rows, 1], prediction.Dimensions.ToArray());
        return [.. Enumerable.Range(0, rows).Select(r => prediction[r, 0])];
    }

    /// <summary>price = 1000 + 300·z0 + 80·z1·z2 + noise, with z standard-ish and the columns on far-apart scales.</summary>
    private string WriteCsv()
    {
        var random = new Random(11);
        var text = new StringBuilder("area,tiny,rooms,price\n");
        for (var r = 0; r < 500; r++)
        {
            var z = Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var price = 1000 + 300 * z[0] + 80 * z[1] * z[2] + 10 * (random.NextDouble() - 0.5);
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{5e3 + 1e3 * z[0]:R},{1e-3 * z[1]:R},{3 + z[2]:R},{price:R}\n"));
        }
        var path = Path.Combine(folder, "prices.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
