using System.CommandLine;
using SweepCluster.Cli.Commands;
using SweepCluster.Cli.Devices;
using SweepCluster.Core.Devices;
using SweepCluster.Training.Trainer;

namespace SweepCluster.Cli.Tests;

public sealed class SlotOptionsTests
{
    private static (SlotOptions Options, ParseResult Result) Parse(string arguments)
    {
        var options = new SlotOptions();
        var command = new Command("worker");
        foreach (var option in options.All())
        {
            command.Options.Add(option);
        }
        return (options, command.Parse(arguments));
    }

    private static EnvironmentSettings Environment(params (string Name, string Value)[] variables) =>
        new(name => variables.FirstOrDefault(v => "SWEEPCLUSTER_" + v.Name == name).Value);

    [Fact]
    public void Arguments_win_over_the_environment_which_fills_in_the_rest()
    {
        // given SWEEPCLUSTER_DEVICES and _SLOTS_PER_DEVICE, and a command line that names the devices only
        var (options, result) = Parse("--devices cuda:0,1 --threads-per-worker 2");
        var env = Environment(("DEVICES", "cpu"), ("SLOTS_PER_DEVICE", "3"));

        // when resolved
        var settings = options.Resolve(result, env);

        // then the devices come from the argument, the slots from the environment
        Assert.Equal(DeviceKind.Cuda, settings.Devices.Kind);
        Assert.Equal([0, 1], settings.Devices.CudaIndices);
        Assert.Equal(3, settings.SlotsPerDevice);
        Assert.Equal(2, settings.ThreadsPerWorker);
    }

    [Fact]
    public void Devices_default_to_auto_and_workers_is_the_older_name_of_slots_per_device()
    {
        var (options, result) = Parse("--workers 4");

        var settings = options.Resolve(result, Environment());

        Assert.Equal(DeviceKind.Auto, settings.Devices.Kind);
        Assert.Equal(4, settings.SlotsPerDevice);
    }

    [Fact]
    public void Workers_and_slots_per_device_together_are_refused()
    {
        var (options, result) = Parse("--workers 4 --slots-per-device 2");

        var error = Assert.Throws<FormatException>(() => options.Resolve(result, Environment()));

        Assert.Contains("--workers and --slots-per-device: give one of them", error.Message);
    }

    [Fact]
    public void A_bad_device_variable_is_named_in_the_error()
    {
        var (options, result) = Parse("");

        var error = Assert.Throws<FormatException>(() => options.Resolve(result, Environment(("DEVICES", "gpu0"))));

        Assert.StartsWith("SWEEPCLUSTER_DEVICES: 'gpu0' is not a device list", error.Message);
    }

    [Fact]
    public void Slot_counts_below_one_are_problems_named_by_option()
    {
        var settings = new SlotSettings(DeviceRequest.Cpu, 0, 0);

        Assert.Equal(["--slots-per-device: must be at least 1 (got 0)", "--threads-per-worker: must be at least 1 (got 0)"], settings.Problems());
    }

    [Fact]
    public void Without_a_slot_count_the_cpu_splits_its_cores_and_each_gpu_gets_one()
    {
        var settings = new SlotSettings(DeviceRequest.Auto, null, 1);

        Assert.Equal(Math.Max(1, System.Environment.ProcessorCount), settings.SlotsOn("cpu"));
        Assert.Equal(1, settings.SlotsOn("cuda:0"));
    }

    [Fact]
    public void Each_device_gets_its_slots_each_pinned_to_it_with_one_trainer_per_device()
    {
        // given two GPUs and three slots per device (no GPU is needed to lay them out)
        using var slots = new WorkerSlots(["cuda:0", "cuda:2"], new SlotSettings(DeviceRequest.Parse("cuda:0,2"), 3, 1));

        // then 2 x 3 = 6 workers, three on each GPU, whose trainers are pinned to that GPU and shared by its slots
        Assert.Equal(6, slots.Slots.Count);
        Assert.Equal(["cuda:0", "cuda:0", "cuda:0", "cuda:2", "cuda:2", "cuda:2"], slots.Slots.Select(s => s.Device));
        Assert.All(slots.Slots, s => Assert.Equal(s.Device, ((TorchTrialTrainer)s.Trainer).Device));
        Assert.Equal(2, slots.Slots.Select(s => s.Trainer).Distinct().Count());
        Assert.Equal("cuda:0 x3, cuda:2 x3", slots.Summary);
    }
}
