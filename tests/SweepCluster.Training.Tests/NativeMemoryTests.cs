using System.Diagnostics;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Trainer;
using Xunit.Abstractions;

namespace SweepCluster.Training.Tests;

public class NativeMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Resident_memory_levels_off_over_many_steps_and_trials()
    {
        // given a trainer that has warmed up (allocator pools, data cache, thread pools)
        using var trainer = new TorchTrialTrainer();
        var spec = TrialSpecs.Small(lambda: 1e-4, dropout: 0.2, widths: [64, 64], training: new TrainingSettings(Epochs: 5, BatchSize: 32, LearningRate: 1e-3, Threads: 1));
        RunTrials(trainer, spec, 15);
        var afterWarmUp = ResidentBytes();

        // when 60 more trials run (60 × 5 epochs × 30 steps = 9 000 steps)
        for (var round = 0; round < 6; round++)
        {
            RunTrials(trainer, spec, 10);
            output.WriteLine($"after {(round + 1) * 10} trials: {ResidentBytes() / 1e6:F1} MB");
        }
        var afterMany = ResidentBytes();

        // then resident memory grew by less than 40 MB (a leak of one batch per step would be far more)
        var growthMb = (afterMany - afterWarmUp) / 1e6;
        output.WriteLine($"RSS after warm-up {afterWarmUp / 1e6:F1} MB, after 9 000 more steps {afterMany / 1e6:F1} MB, growth {growthMb:F1} MB");
        Assert.True(growthMb < 40, $"resident memory grew by {growthMb:F1} MB");
    }

    private static void RunTrials(TorchTrialTrainer trainer, Core.Trials.TrialSpec spec, int count)
    {
        for (var i = 0; i < count; i++)
        {
            trainer.Train(spec with { Seed = i }, null, CancellationToken.None);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
