using System.CommandLine;
using System.Globalization;
using SweepCluster.Cli.Benchmarks;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Native;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster bench …</c>: the project's shipped benchmarks. <c>control-plane</c> measures the coordinator with an instant trainer; <c>train</c> measures end-to-end
/// training throughput of the seed model (30→100→200→300→100→5, dropout 0.2, L1 penalty, Adam); <c>packing</c> measures how
/// packs of K trials of that model scale against K = 1; <c>report</c> writes the result files of a made-up N-trial sweep and
/// times report.html; <c>gpu</c> runs the GPU path's checks (scripts/gpu-check.sh).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Run a shipped benchmark and print its figures.");
        bench.Subcommands.Add(CreateTrain());
        bench.Subcommands.Add(CreateControlPlane());
        bench.Subcommands.Add(CreatePacking());
        bench.Subcommands.Add(CreateReport());
        bench.Subcommands.Add(CreateGpu());
        return bench;
    }

    private static Command CreateGpu()
    {
        var device = new Option<string>("--device") { Description = "The GPU: cuda or cuda:N.", DefaultValueFactory = _ => "cuda:0" };
        var command = new Command("gpu", "The GPU path's checks (a trial, a pack against its trials alone, a calibration) as one JSON line; exit 1 when one fails.") { device };
        command.SetAction(result =>
        {
            var name = result.GetValue(device)!;
            try
            {
                var checks = GpuChecks.Run(name);
                Console.WriteLine(GpuChecks.ToJson(name, checks));
                return checks.All(c => c.Passed) ? ExitCodes.Success : ExitCodes.TrialsFailed;
            }
            catch (DeviceUnavailableException e)
            {
                Console.Error.WriteLine($"bench gpu: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static Command CreatePacking()
    {
        var device = new Option<string>("--device") { Description = "Device: cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var batches = new Option<string>("--batches") { Description = "Batch sizes, comma-separated.", DefaultValueFactory = _ => "64,256,1024" };
        var packSizes = new Option<string?>("--ks") { Description = "Pack sizes K, comma-separated (default 1,4,16,64; 256 too on CUDA)." };
        var steps = new Option<int>("--steps") { Description = "Timed training steps per row.", DefaultValueFactory = _ => 10 };
        var warmUp = new Option<int>("--warmup") { Description = "Untimed warm-up steps per row.", DefaultValueFactory = _ => 2 };
        var threads = new Option<int>("--threads") { Description = "Torch threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("packing", "Trial-samples/s of packs of K seed-model trials against K=1, and the device's matmul GFLOP/s.") { device, batches, packSizes, steps, warmUp, threads, json };
        command.SetAction(result =>
        {
            if (!TryParseList(result.GetValue(batches) ?? "", out var batchList) || !TryParseList(result.GetValue(packSizes) ?? "1", out var packList) || result.GetValue(steps) < 1)
            {
                Console.Error.WriteLine("bench packing: --batches and --ks take positive integers separated by commas, --steps at least 1");
                return ExitCodes.BadInput;
            }
            var options = new PackingBenchmarkOptions(result.GetValue(device)!, batchList, result.GetValue(packSizes) is null ? null : packList, result.GetValue(steps), result.GetValue(warmUp), result.GetValue(threads));
            var asJson = result.GetValue(json);
            try
            {
                var report = PackingBenchmark.Run(options, asJson ? null : row => Console.Error.WriteLine($"  batch {row.Batch}, K {row.K}: {row.TrialSamplesPerS:F0} trial-samples/s"));
                Console.WriteLine(asJson ? report.ToJson() : report.ToTable());
                return ExitCodes.Success;
            }
            catch (DeviceUnavailableException e)
            {
                Console.Error.WriteLine($"bench packing: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static Command CreateReport()
    {
        var trials = new Option<int>("--trials") { Description = "Trials of the made-up sweep.", DefaultValueFactory = _ => 10_000 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the files (default: a new temporary folder, kept)." };
        var command = new Command("report",
            "Write the result files of a made-up random sweep (nothing trained) and time report.html: its size and write time.") { trials, output };
        command.SetAction(result =>
        {
            if (result.GetValue(trials) < 1)
            {
                Console.Error.WriteLine("bench report: --trials must be at least 1");
                return ExitCodes.BadInput;
            }
            var folder = result.GetValue(output)?.FullName ?? Directory.CreateTempSubdirectory("sweepcluster-report-bench-").FullName;
            Console.WriteLine(ReportBenchmark.Run(result.GetValue(trials), folder));
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryParseList(string text, out IReadOnlyList<int> values)
    {
        var parsed = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : -1)
            .ToList();
        values = parsed;
        return parsed.Count > 0 && parsed.All(v => v > 0);
    }

    private static Command CreateControlPlane()
    {
        var trials = new Option<string>("--trials")
        {
            Description = "Trials to dispatch; several sizes, comma-separated (e.g. 1000,10000,100000), print a table of the cost per trial and its ratio.",
            DefaultValueFactory = _ => "10000",
        };
        var workers = new Option<int>("--workers") { Description = "Worker actors.", DefaultValueFactory = _ => 64 };
        var command = new Command("control-plane",
            "Coordinator and results throughput with a trainer that returns at once, result files written as in a run: ms per trial, trials/s, coordinator time per dispatch.")
        {
            trials, workers,
        };
        command.SetAction(async (result, _) =>
        {
            if (!TryParseList(result.GetValue(trials) ?? "", out var sizes) || result.GetValue(workers) < 1)
            {
                Console.Error.WriteLine("bench control-plane: --trials takes positive integers separated by commas, --workers at least 1");
                return ExitCodes.BadInput;
            }
            var reports = await ControlPlaneBenchmark.RunScaleAsync(sizes, result.GetValue(workers), report => Console.Error.WriteLine($"  {report}"));
            Console.WriteLine(reports.Count == 1 ? reports[0].ToString() : ControlPlaneReport.Table(reports));
            return reports.All(report => report.Done == report.Trials && report.Rows == report.Trials) ? ExitCodes.Success : ExitCodes.TrialsFailed;
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
