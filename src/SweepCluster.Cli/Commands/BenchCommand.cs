using System.CommandLine;
using SweepCluster.Cluster.Benchmarks;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster bench …</c>: the project's shipped benchmarks. <c>control-plane</c> measures the coordinator with an instant trainer; <c>train</c> measures end-to-end
/// training throughput of the seed model (30→100→200→300→100→5, dropout 0.2, L1 penalty, Adam).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Run a shipped benchmark and print its figures.");
        bench.Subcommands.Add(CreateTrain());
        bench.Subcommands.Add(CreateControlPlane());
        return bench;
    }

    private static Command CreateControlPlane()
    {
        var trials = new Option<int>("--trials") { Description = "Trials to dispatch.", DefaultValueFactory = _ => 10_000 };
        var workers = new Option<int>("--workers") { Description = "Worker actors.", DefaultValueFactory = _ => 64 };
        var command = new Command("control-plane", "Coordinator throughput with a trainer that returns at once: trials/s and coordinator time per dispatch.") { trials, workers };
        command.SetAction(async (result, _) =>
        {
            var report = await ControlPlaneBenchmark.RunAsync(new ControlPlaneBenchmarkOptions(result.GetValue(trials), result.GetValue(workers)));
            Console.WriteLine(report);
            return report.Done == report.Trials ? ExitCodes.Success : ExitCodes.TrialsFailed;
        });
        return command;
    }

    private static Command CreateTrain()
    {
        var batchSize = new Option<int>("--batch-size") { Description = "Batch size.", DefaultValueFactory = _ => 256 };
        var samples = new Option<int>("--samples") { Description = "Training rows per epoch (20% more are generated for validation).", DefaultValueFactory = _ => 51200 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to time; the first is a warm-up and not counted.", DefaultValueFactory = _ => 4 };
        var threads = new Option<int>("--threads") { Description = "Torch threads for the trainer.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("train", "Training throughput (samples/s) of the seed model on synthetic data.") { batchSize, samples, epochs, threads };
        command.SetAction(result => RunTrain(result.GetValue(batchSize), result.GetValue(samples), result.GetValue(epochs), result.GetValue(threads)));
        return command;
    }

    private static int RunTrain(int batchSize, int samples, int epochs, int threads)
    {
        var totalRows = (int)(samples / 0.8);
        var spec = new TrialSpec(
            Id: "bench-seed-model", SweepName: "bench", Index: 0, Seed: 1,
            Data: new SyntheticDataSpec(totalRows, Features: 30, Informative: 6, Classes: 5, Seed: 7, ValidationFraction: 0.2),
            Outputs: 5, Lambda: 1e-5, Dropout: 0.2, Widths: [100, 200, 300, 100],
            Training: new TrainingSettings(Epochs: epochs, BatchSize: batchSize, LearningRate: 1e-3, Threads: threads),
            SweptValues: []);
        using var trainer = new TorchTrialTrainer();
        var stamps = new List<DateTime>();
        var result = trainer.Train(spec, _ => stamps.Add(DateTime.UtcNow), CancellationToken.None);
        if (stamps.Count < 2)
        {
            Console.Error.WriteLine($"bench: the trial ended early ({result.Status}: {result.Reason})");
            return ExitCodes.TrialsFailed;
        }
        // Epoch 1 pays for data generation and warm-up; time the remaining epochs (training plus validation).
        var seconds = (stamps[^1] - stamps[0]).TotalSeconds;
        var trainRows = totalRows - (int)Math.Round(totalRows * 0.2);
        var timedEpochs = stamps.Count - 1;
        var samplesPerSecond = trainRows * timedEpochs / seconds;
        var stepsPerSecond = Math.Ceiling((double)trainRows / batchSize) * timedEpochs / seconds;
        Console.WriteLine($"seed model 30-100-200-300-100-5, batch {batchSize}, {threads} thread(s), {timedEpochs} timed epochs of {trainRows} rows:");
        Console.WriteLine($"  {samplesPerSecond:F0} samples/s, {stepsPerSecond:F1} steps/s (validation pass included)");
        return ExitCodes.Success;
    }
}
