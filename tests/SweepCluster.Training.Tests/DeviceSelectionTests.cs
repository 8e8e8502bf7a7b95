using SweepCluster.Core.Devices;
using SweepCluster.Core.Results;
using SweepCluster.Training.Native;
using SweepCluster.Training.Tests.Support;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Tests;

public sealed class DeviceSelectionTests
{
    [CpuOnlyFact]
    public void Auto_falls_back_to_the_cpu_where_no_gpu_is_visible()
    {
        Assert.Equal(["cpu"], DeviceSelector.Devices(DeviceRequest.Auto));
    }

    [Fact]
    public void Cpu_is_always_one_device()
    {
        Assert.Equal(["cpu"], DeviceSelector.Devices(DeviceRequest.Cpu));
    }

    [CpuOnlyFact]
    public void Cuda_asked_for_without_cuda_says_why_and_what_to_do()
    {
        foreach (var asked in new[] { "cuda", "cuda:0", "cuda:0,1" })
        {
            var error = Assert.Throws<DeviceUnavailableException>(() => DeviceSelector.Devices(DeviceRequest.Parse(asked)));

            Assert.StartsWith($"--devices {asked}: CUDA is not available: ", error.Message);
            Assert.Contains("Fix:", error.Message);
            Assert.Contains("--devices cpu", error.Message);
        }
    }

    [Fact]
    public void The_bundled_cpu_libtorch_is_named_as_the_reason()
    {
        // the test build bundles libtorch-cpu, which has no libtorch_cuda.so
        Assert.Contains("CPU-only libtorch", CudaDiagnosis.WhyUnavailable(null));
        Assert.Contains(TorchRuntime.LibTorchVariable, CudaDiagnosis.WhyUnavailable(null));
    }

    [Fact]
    public void A_libtorch_folder_without_libtorch_cuda_is_named_as_cpu_only()
    {
        var folder = Directory.CreateTempSubdirectory("libtorch-cpu-").FullName;
        try
        {
            Assert.Contains($"{TorchRuntime.LibTorchVariable}={folder} is CPU-only", CudaDiagnosis.WhyUnavailable(folder));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_libtorch_folder_that_does_not_exist_is_refused_naming_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-such-libtorch-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DeviceUnavailableException>(() => TorchRuntime.CheckFolder(folder));

        Assert.StartsWith($"{TorchRuntime.LibTorchVariable}={folder}: no such folder", error.Message);
    }

    [Fact]
    public void A_libtorch_folder_without_libtorch_so_is_refused_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("not-libtorch-").FullName;
        try
        {
            var error = Assert.Throws<DeviceUnavailableException>(() => TorchRuntime.CheckFolder(folder));

            Assert.StartsWith($"{TorchRuntime.LibTorchVariable}={folder}: the folder has no libtorch.so", error.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_trainer_trains_on_its_own_device()
    {
        using var trainer = new TorchTrialTrainer(new TrainerOptions(1, "cpu"));

        var result = trainer.Train(TrialSpecs.Small(), null, CancellationToken.None);

        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal("cpu", trainer.Device);
    }

    [GpuFact]
    public void A_trial_trains_on_the_gpu_and_native_memory_stays_put()
    {
        // given a trainer pinned to the first GPU
        using var trainer = new TorchTrialTrainer(new TrainerOptions(1, "cuda:0"));

        // when it trains the same small trial many times
        var results = Enumerable.Range(0, 30).Select(_ => trainer.Train(TrialSpecs.Small(lambda: 1e-3, dropout: 0.1), null, CancellationToken.None)).ToList();

        // then every run completes with finite metrics, identically (same seed, same device)
        Assert.All(results, r => Assert.Equal(TrialStatus.Completed, r.Status));
        Assert.All(results, r => Assert.True(double.IsFinite(r.Metrics!.ValLoss)));
        Assert.Single(results.Select(r => r.Metrics!.ValLoss).Distinct());
    }
}
