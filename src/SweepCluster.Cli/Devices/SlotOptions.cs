using System.CommandLine;
using SweepCluster.Cli.Commands;
using SweepCluster.Core.Devices;
using SweepCluster.Core.Packing;

namespace SweepCluster.Cli.Devices;

/// <summary>
/// The options that place a node's workers on devices, shared by <c>run</c> and <c>worker</c>, each falling back to its
/// <c>SWEEPCLUSTER_*</c> variable: <c>--devices</c>, <c>--slots-per-device</c> (<c>--workers</c> is its older name),
/// <c>--threads-per-worker</c> and <c>--pack-size</c>. Each instance belongs to one command.
/// </summary>
public sealed class SlotOptions
{
    public Option<string?> Devices { get; } = new("--devices")
    {
        Description = $"Devices the workers train on: {DeviceRequest.Usage}. auto = every visible GPU, else the CPU (env SWEEPCLUSTER_DEVICES; default auto).",
    };

    public Option<int?> SlotsPerDevice { get; } = new("--slots-per-device")
    {
        Description = "Worker actors (trials at once) per device (env SWEEPCLUSTER_SLOTS_PER_DEVICE; default: cores / threads-per-worker on the CPU, 1 per GPU).",
    };

    public Option<int?> Workers { get; } = new("--workers")
    {
        Description = "Older name of --slots-per-device (env SWEEPCLUSTER_WORKERS).",
    };

    public Option<int?> ThreadsPerWorker { get; } = new("--threads-per-worker")
    {
        Description = "Torch threads per worker (env SWEEPCLUSTER_THREADS_PER_WORKER; default 1).",
    };

    public Option<string?> PackSize { get; } = new("--pack-size")
    {
        Description = $"Compatible trials a worker slot trains as one stacked model: {PackSizeSetting.Usage}. "
            + "auto measures what pays on the device and never packs where it loses (env SWEEPCLUSTER_PACK_SIZE; default auto).",
    };

    public IEnumerable<Option> All() => [Devices, SlotsPerDevice, Workers, ThreadsPerWorker, PackSize];

    /// <summary>The settings from arguments, then the environment; throws <see cref="FormatException"/> naming the option or variable.</summary>
    public SlotSettings Resolve(ParseResult result, EnvironmentSettings env)
    {
        var slots = result.GetValue(SlotsPerDevice) ?? result.GetValue(Workers);
        if (result.GetValue(SlotsPerDevice) is not null && result.GetValue(Workers) is not null)
        {
            throw new FormatException("--workers and --slots-per-device: give one of them (--workers is the older name of --slots-per-device)");
        }
        var devices = result.GetValue(Devices) is { } argument
            ? DeviceRequest.Parse(argument, "--devices")
            : env.Text("DEVICES") is { } variable ? DeviceRequest.Parse(variable, EnvironmentSettings.Prefix + "DEVICES") : DeviceRequest.Auto;
        return new SlotSettings(
            devices,
            slots ?? env.Integer("SLOTS_PER_DEVICE") ?? env.Integer("WORKERS"),
            result.GetValue(ThreadsPerWorker) ?? env.Integer("THREADS_PER_WORKER") ?? 1,
            result.GetValue(PackSize) is { } pack ? PackSizeSetting.Parse(pack, "--pack-size")
                : env.Text("PACK_SIZE") is { } packVariable ? PackSizeSetting.Parse(packVariable, EnvironmentSettings.Prefix + "PACK_SIZE")
                : PackSizeSetting.Auto);
    }
}
