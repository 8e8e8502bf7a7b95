using SweepCluster.Core.Results;
using SweepCluster.Training.Packing;
using SweepCluster.Training.Tests.Support;
using SweepCluster.Training.Trainer;
using TorchSharp;

namespace SweepCluster.Training.Tests;

/// <summary>
/// The CUDA path beyond a single trial (<see cref="DeviceSelectionTests"/> has that one): a pack, and the calibration that
/// sizes packs. Skipped where there is no GPU; scripts/gpu-check.sh runs the same checks on a GPU machine through
/// <c>sweepcluster bench gpu</c>.
/// </summary>
public class GpuTrainingTests
{
    [GpuFact]
    public void A_pack_on_the_gpu_gives_each_trial_the_metrics_it_gets_alone_there()
    {
        // given four trials with dropout (random masks every step) and their own lambda and seed, on the first GPU
        using var trainer = new TorchTrialTrainer(new TrainerOptions(1, "cuda:0"));
        var trials = Enumerable.Range(1, 4).Select(k => TrialSpecs.Small(lambda: 1e-3 * k, dropout: 0.1, seed: k) with { Index = k }).ToList();

        // when they train as one pack, and each alone
        var packed = trainer.TrainPack(trials, null, CancellationToken.None);
        var alone = trials.Select(t => trainer.Train(t, null, CancellationToken.None)).ToList();

        // then every one completes, and each packed trial's validation losses are its own (draws come from its own seed)
        Assert.All(packed, r => Assert.Equal(TrialStatus.Completed, r.Status));
        foreach (var (single, inPack) in alone.Zip(packed))
        {
            Assert.Equal(single.History.Select(h => h.ValLoss), inPack.History.Select(h => h.ValLoss), new WithinTolerance(1e-4));
        }
    }

    [GpuFact]
    public void Calibration_on_the_gpu_measures_packs_and_chooses_a_candidate_size()
    {
        // given the seed model's shape at batch 256 on the first GPU
        var calibration = new PackCalibration();
        var workload = new PackWorkload(Inputs: 30, Widths: [100, 200, 300, 100], Outputs: 5, BatchSize: 256);

        // when the pack size is decided for up to 256 trials
        var decision = calibration.Decide(new torch.Device(DeviceType.CUDA, 0), workload, maxPackSize: 256);

        // then K = 1 and at least one pack were measured at positive rates, and the choice is a GPU candidate
        Assert.True(decision.TrialSamplesPerSecond.Count >= 2, string.Join(", ", decision.TrialSamplesPerSecond));
        Assert.All(decision.TrialSamplesPerSecond.Values, rate => Assert.True(rate > 0));
        Assert.Contains(decision.PackSize, new[] { 1, 4, 16, 64, 256 });
    }
}
