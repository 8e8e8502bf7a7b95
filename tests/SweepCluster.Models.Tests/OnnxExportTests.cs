using SweepCluster.Core.Models;
using SweepCluster.Core.Packing;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Data;
using SweepCluster.Training.Native;
using SweepCluster.Training.Network;
using SweepCluster.Training.Randomness;
using SweepCluster.Training.Trainer;
using TorchSharp;
using Xunit.Abstractions;

namespace SweepCluster.Models.Tests;

public sealed class OnnxExportTests : IDisposable
{
    private readonly ExportData data = new();
    private readonly ITestOutputHelper output;

    public OnnxExportTests(ITestOutputHelper output)
    {
        this.output = output;
        TorchRuntime.EnsureLoaded();
    }

    internal static TrialSpec Trial(CsvDataSpec spec, long index, double lambda = 1e-3, TrainingSettings? training = null, IReadOnlyList<int>? widths = null) =>
        new(TrialSpec.IdFor("export", index), "export", index, 1000 + index, spec, 0, lambda, 0.2, widths ?? [32, 16],
            training ?? new TrainingSettings(Epochs: 12, BatchSize: 32, LearningRate: 1e-2, Threads: 1), [new SweptValue("lambda", lambda.ToString("R"))]);

    [Fact]
    public void Onnx_runtime_gives_the_torchsharp_probabilities_on_the_raw_validation_rows()
    {
        // given a trial trained on columns of very different scales and offsets, with string labels
        using var trainer = new TorchTrialTrainer();
        var result = trainer.Train(Trial(data.Spec, 0), null, CancellationToken.None);
        var model = result.Model!;

        // when its ONNX export runs on ONNX Runtime on the raw validation rows, and the TorchSharp network it came from on the standardised ones
        var (onnx, labels) = OnnxRun.Predict(OnnxModelWriter.Build(model), data.RawValidationFeatures(), data.ValidationRows.Length);
        var torch = TorchProbabilities(model);

        // then the probabilities agree within 1e-5, the labels are the CSV's strings, and the accuracy is the reported val_accuracy
        var difference = MaxDifference(onnx, torch);
        output.WriteLine($"max |ONNX Runtime - TorchSharp| over {data.ValidationRows.Length} rows x {model.Outputs} classes: {difference:E3}");
        Assert.InRange(difference, 0, 1e-5);
        Assert.Equal(data.Table.ClassNames, model.Classes);
        Assert.Equal(["blue", "green", "red"], model.Classes.Order());
        Assert.All(labels, label => Assert.Contains(label, model.Classes));
        var accuracy = labels.Zip(data.ValidationLabels()).Count(p => p.First == p.Second) / (double)labels.Length;
        output.WriteLine($"ONNX accuracy {accuracy} vs reported val_accuracy {result.Metrics!.ValAccuracy}");
        Assert.Equal(result.Metrics!.ValAccuracy, accuracy);
        Assert.True(accuracy > 0.6, $"the standardisation must travel with the model: accuracy {accuracy} on raw columns");
    }

    [Fact]
    public void The_safetensors_weights_rebuild_the_same_network()
    {
        // given a trained trial's model folder
        using var trainer = new TorchTrialTrainer();
        var trial = Trial(data.Spec, 1);
        var result = trainer.Train(trial, null, CancellationToken.None);
        var folder = Path.Combine(data.Folder, "model");
        ModelFolder.Write(folder, result.Model!, LeaderboardEntry.For(trial, result), new ModelOrigin("export", "hash"));

        // when a network is built from model.json's widths and model.safetensors' tensors alone (its header parsed here by hand)
        var card = ModelFolder.ReadCard(folder);
        var tensors = SafetensorsByHand.Read(Path.Combine(folder, ModelFolder.Safetensors));
        var sizes = new[] { card.Inputs }.Concat(card.Widths).Append(card.Outputs).ToArray();
        var layers = Enumerable.Range(0, sizes.Length - 1)
            .Select(i => new ModelLayer(tensors[$"layers.{i}.weight"], tensors[$"layers.{i}.bias"])).ToList();
        var rebuilt = new TrainedModel(card.Features, card.Classes, tensors["input_mean"], tensors["input_std"], layers, card.Seed);

        // then the tensors are nn.Linear's [out, in], bit for bit the trained ones, and the rebuilt network gives ONNX Runtime's probabilities
        Assert.Equal(sizes.Skip(1).Zip(sizes).Select(p => new[] { p.First, p.Second }), layers.Select(l => l.Weight.Shape.ToArray()));
        Assert.All(layers.Zip(result.Model!.Layers), p => Assert.Equal(p.Second.Weight.Data, p.First.Weight.Data));
        Assert.Equal(result.Model!.InputStd.Data, rebuilt.InputStd.Data);
        var raw = data.RawValidationFeatures();
        var (onnx, _) = OnnxRun.Predict(File.ReadAllBytes(Path.Combine(folder, ModelFolder.Onnx)), raw, data.ValidationRows.Length);
        Assert.InRange(MaxDifference(onnx, ManagedForward(rebuilt, raw)), 0, 1e-5);
        Assert.Equal(["hue", "tiny", "offset", "narrow", "wide"], card.Features);
        Assert.Equal("colour", card.LabelColumn);
        Assert.Equal(trial.Seed, card.Seed);
    }

    [Fact]
    public void Packed_and_refit_trials_export_their_best_state()
    {
        // given two trials with a proximal L1 phase and a refit, trained once as a pack and once alone
        var training = new TrainingSettings(Epochs: 6, BatchSize: 32, LearningRate: 2e-2, L1Mode: L1Mode.Proximal, RefitEpochs: 6, Threads: 1);
        var trials = new[] { Trial(data.Spec, 2, 3e-3, training), Trial(data.Spec, 3, 1e-2, training) };
        using var packing = new TorchTrialTrainer(new TrainerOptions(PackSize: new PackSizeSetting(PackSizeMode.Fixed, 2)));
        var packed = packing.TrainPack(trials, null, CancellationToken.None);
        using var single = new TorchTrialTrainer();
        var alone = single.Train(trials[1], null, CancellationToken.None);

        // when each exported model runs on ONNX Runtime on the validation rows
        foreach (var result in packed.Append(alone))
        {
            var (probabilities, labels) = OnnxRun.Predict(OnnxModelWriter.Build(result.Model!), data.RawValidationFeatures(), data.ValidationRows.Length);

            // then its loss and accuracy are the metrics of its best epoch (a refit epoch): the model is that epoch's state, not the last one's
            Assert.True(result.History[result.Metrics!.BestEpoch - 1].Refit, $"{result.TrialId}: best epoch {result.Metrics.BestEpoch} is not a refit epoch");
            var loss = CrossEntropy(probabilities, data.ValidationLabels(), result.Model!.Classes);
            output.WriteLine($"{result.TrialId}: best epoch {result.Metrics.BestEpoch} of {result.Metrics.EpochsRun}, ONNX val_loss {loss:F6} vs {result.Metrics.ValLoss:F6}");
            Assert.Equal(result.Metrics.ValLoss, loss, 1e-4);
            Assert.Equal(result.Metrics.ValAccuracy, labels.Zip(data.ValidationLabels()).Count(p => p.First == p.Second) / (double)labels.Length);
        }
        Assert.InRange(MaxDifference(OnnxRun.Predict(OnnxModelWriter.Build(packed[1].Model!), data.RawValidationFeatures(), data.ValidationRows.Length).Probabilities,
            OnnxRun.Predict(OnnxModelWriter.Build(alone.Model!), data.RawValidationFeatures(), data.ValidationRows.Length).Probabilities), 0, 1e-3);
    }

    /// <summary>The production network (its own forward pass, dropout off) holding the model's weights, on the split's standardised validation rows.</summary>
    private float[,] TorchProbabilities(TrainedModel model)
    {
        using var split = DatasetSplitter.Split(data.Table, ExportData.ValidationFraction, ExportData.SplitSeed, torch.CPU, data.Path);
        using var random = new TrialRandom(1, torch.CPU);
        using var network = new FeedForwardNetwork(model.Inputs, model.Widths, model.Outputs, 0.2, random);
        using (torch.no_grad())
        {
            foreach (var (layer, exported) in network.Layers.Zip(model.Layers))
            {
                layer.Weight.copy_(torch.tensor(exported.Weight.ToFloats(), [exported.Outputs, exported.Inputs]));
                layer.Bias.copy_(torch.tensor(exported.Bias.ToFloats(), [exported.Outputs]));
            }
            using var probabilities = torch.nn.functional.softmax(network.Forward(split.ValidationFeatures, training: false), 1);
            var values = probabilities.data<float>().ToArray();
            var result = new float[split.ValidationRows, model.Outputs];
            Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(float));
            return result;
        }
    }

    /// <summary>A forward pass in plain C# doubles from the tensors alone: what a script with numpy would do.</summary>
    internal static float[,] ManagedForward(TrainedModel model, float[] raw)
    {
        var (mean, std) = (model.InputMean.ToFloats(), model.InputStd.ToFloats());
        var rows = raw.Length / model.Inputs;
        var result = new float[rows, model.Outputs];
        for (var r = 0; r < rows; r++)
        {
            var x = Enumerable.Range(0, model.Inputs).Select(c => ((double)raw[r * model.Inputs + c] - mean[c]) / std[c]).ToArray();
            foreach (var (layer, i) in model.Layers.Select((l, i) => (l, i)))
            {
                var (w, b) = (layer.Weight.ToFloats(), layer.Bias.ToFloats());
                x = [.. Enumerable.Range(0, layer.Outputs).Select(o => b[o] + Enumerable.Range(0, layer.Inputs).Sum(k => (double)w[o * layer.Inputs + k] * x[k]))
                    .Select(v => i + 1 < model.Layers.Count ? Math.Max(0, v) : v)];
            }
            var max = x.Max();
            var sum = x.Sum(v => Math.Exp(v - max));
            for (var c = 0; c < model.Outputs; c++)
            {
                result[r, c] = (float)(Math.Exp(x[c] - max) / sum);
            }
        }
        return result;
    }

    internal static double MaxDifference(float[,] a, float[,] b)
    {
        Assert.Equal(a.GetLength(0), b.GetLength(0));
        Assert.Equal(a.GetLength(1), b.GetLength(1));
        var max = 0.0;
        for (var r = 0; r < a.GetLength(0); r++)
        {
            for (var c = 0; c < a.GetLength(1); c++)
            {
                max = Math.Max(max, Math.Abs(a[r, c] - b[r, c]));
            }
        }
        return max;
    }

    private static double CrossEntropy(float[,] probabilities, string[] labels, IReadOnlyList<string> classes) =>
        labels.Select((label, r) => -Math.Log(probabilities[r, classes.ToList().IndexOf(label)])).Average();

    public void Dispose() => data.Dispose();
}
