using System.Globalization;
using System.Text.Json;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>
/// <c>bench gpu</c>: the GPU path's own checks, for a GPU machine that has no .NET to run the test suite
/// (scripts/gpu-check.sh): a single trial trains and gives the same numbers twice, a pack gives each trial the metrics
/// it gets alone, and a calibration measures packs. The same checks as the <c>[GpuFact]</c> tests of the Training tests.
/// </summary>
public static class GpuChecks
{
    private static readonly SyntheticDataSpec Data = new(Samples: 1200, Features: 12, Informative: 4, Classes: 3, Seed: 7);

    public static IReadOnlyList<GpuCheckResult> Run(string device)
    {
        DeviceSelector.Resolve(device); // a device that is not there is bad input, before any check
        using var trainer = new TorchTrialTrainer(new TrainerOptions(1, device));
        return [Check("single_trial", () => SingleTrial(trainer)), Check("packed_run", () => PackedRun(trainer)), Check("calibration", () => Calibration(device))];
    }

    public static string ToJson(string device, IReadOnlyList<GpuCheckResult> checks) => JsonSerializer.Serialize(new
    {
        device,
        passed = checks.All(c => c.Passed),
        checks = checks.Select(c => new { name = c.Name, passed = c.Passed, detail = c.Detail }),
    });

    private static GpuCheckResult Check(string name, Func<string> check)
    {
        try
        {
            return new GpuCheckResult(name, true, check());
        }
        catch (Exception e) when (e is CheckFailedException or InvalidOperationException or System.Runtime.InteropServices.ExternalException or ArgumentException)
        {
            return new GpuCheckResult(name, false, e.Message);
        }
    }

    private static string SingleTrial(ITrialTrainer trainer)
    {
        var trial = Trial(seed: 1, lambda: 1e-3);
        var runs = Enumerable.Range(0, 3).Select(_ => trainer.Train(trial, null, CancellationToken.None)).ToList();
        Require(runs.All(r => r.Status == TrialStatus.Completed), $"statuses {string.Join(", ", runs.Select(r => r.Status))}: {runs[0].Reason}");
        Require(runs.Select(r => r.Metrics!.ValLoss).Distinct().Count() == 1, "the same trial gave different val_loss on one device: " + string.Join(", ", runs.Select(r => r.Metrics!.ValLoss)));
        return Invariant($"val_loss {runs[0].Metrics!.ValLoss:G6} three times, {runs[0].Metrics!.SamplesPerSecond:F0} samples/s");
    }

    private static string PackedRun(ITrialTrainer trainer)
    {
        var trials = Enumerable.Range(1, 4).Select(k => Trial(seed: k, lambda: 1e-3 * k) with { Index = k, Id = $"gpu-check-{k}" }).ToList();
        var packed = trainer.TrainPack(trials, null, CancellationToken.None);
        var alone = trials.Select(t => trainer.Train(t, null, CancellationToken.None)).ToList();
        Require(packed.All(r => r.Status == TrialStatus.Completed), $"packed statuses {string.Join(", ", packed.Select(r => r.Status))}: {packed[0].Reason}");
        var gap = packed.Zip(alone, (inPack, single) => inPack.History.Zip(single.History, (a, b) => Math.Abs(a.ValLoss - b.ValLoss)).Max()).Max();
        Require(gap <= 1e-4, Invariant($"a packed trial's val_loss differs from its own alone by {gap:G3} (over 1e-4)"));
        return Invariant($"4 trials, largest val_loss difference from alone {gap:G3}");
    }

    private static string Calibration(string device)
    {
        var workload = new PackWorkload(Inputs: 30, Widths: [100, 200, 300, 100], Outputs: 5, BatchSize: 256);
        var decision = new PackCalibration().Decide(DeviceSelector.Resolve(device), workload, maxPackSize: 256);
        var rates = decision.TrialSamplesPerSecond;
        Require(rates.Count >= 2 && rates.Values.All(r => r > 0), "measured " + string.Join(", ", rates.Select(r => Invariant($"K={r.Key}: {r.Value:F0}"))));
        return $"pack size {decision.PackSize}; trial-samples/s " + string.Join(", ", rates.OrderBy(r => r.Key).Select(r => Invariant($"K={r.Key}: {r.Value:F0}")));
    }

    private static TrialSpec Trial(long seed, double lambda) => new(
        Id: $"gpu-check-{seed}", SweepName: "gpu-check", Index: 0, Seed: seed, Data: Data, Outputs: 3, Lambda: lambda, Dropout: 0.1,
        Widths: [32, 16], Training: new TrainingSettings(Epochs: 8, BatchSize: 64, LearningRate: 1e-2, Threads: 1), SweptValues: []);

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new CheckFailedException(failure);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class CheckFailedException(string message) : Exception(message);
}
