using SweepCluster.Training.Native;
using TorchSharp;

namespace SweepCluster.Training.Trainer;

/// <summary>Turns a device slot name (<c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>) into a TorchSharp device, checking it exists.</summary>
public static class DeviceSelector
{
    public static torch.Device Resolve(string name)
    {
        TorchRuntime.EnsureLoaded();
        if (string.IsNullOrWhiteSpace(name) || name.Equals("cpu", StringComparison.OrdinalIgnoreCase))
        {
            return torch.CPU;
        }
        if (!name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"unknown device '{name}' (expected cpu, cuda or cuda:N)");
        }
        if (!torch.cuda.is_available())
        {
            throw new ArgumentException($"device '{name}' requested but CUDA is not available (libtorch without CUDA, or no GPU visible; see {TorchRuntime.LibTorchVariable})");
        }
        var device = new torch.Device(name.ToLowerInvariant());
        if (device.index >= torch.cuda.device_count())
        {
            throw new ArgumentException($"device '{name}' requested but only {torch.cuda.device_count()} CUDA device(s) are visible");
        }
        return device;
    }
}
