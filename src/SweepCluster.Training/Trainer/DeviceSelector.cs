using SweepCluster.Core.Devices;
using SweepCluster.Training.Native;
using TorchSharp;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// Turns what <c>--devices</c> asked for into the devices that exist here (<c>cpu</c>, <c>cuda:0</c>, …), and a slot's
/// device name into a TorchSharp device. Anything asked for that is not there is a <see cref="DeviceUnavailableException"/>
/// saying why and what to do.
/// </summary>
public static class DeviceSelector
{
    /// <summary>The device names for <paramref name="request"/>: <c>auto</c> is every visible GPU, else the CPU.</summary>
    public static IReadOnlyList<string> Devices(DeviceRequest request)
    {
        TorchRuntime.EnsureLoaded();
        switch (request.Kind)
        {
            case DeviceKind.Cpu:
                return ["cpu"];
            case DeviceKind.Auto:
                var visible = TorchRuntime.CudaDeviceCount();
                return visible > 0 ? CudaNames(Enumerable.Range(0, visible)) : ["cpu"];
            default:
                var count = RequireCuda(request.ToString());
                if (request.CudaIndices.Where(i => i >= count).ToList() is [var missing, ..])
                {
                    throw new DeviceUnavailableException(NoSuchGpu(missing, count));
                }
                return CudaNames(request.CudaIndices.Count > 0 ? request.CudaIndices : Enumerable.Range(0, count));
        }
    }

    /// <summary>A slot's device (<c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>) as a TorchSharp device, checked to exist.</summary>
    public static torch.Device Resolve(string name)
    {
        TorchRuntime.EnsureLoaded();
        if (string.IsNullOrWhiteSpace(name) || name.Equals("cpu", StringComparison.OrdinalIgnoreCase))
        {
            return torch.CPU;
        }
        var request = Parse(name);
        if (request.Kind != DeviceKind.Cuda || request.CudaIndices.Count > 1)
        {
            throw new DeviceUnavailableException($"device '{name}': a worker slot trains on one device: cpu, cuda or cuda:N");
        }
        var count = RequireCuda(name);
        var index = request.CudaIndices.Count == 1 ? request.CudaIndices[0] : 0;
        if (index >= count)
        {
            throw new DeviceUnavailableException(NoSuchGpu(index, count));
        }
        return new torch.Device(DeviceType.CUDA, index);
    }

    private static DeviceRequest Parse(string name)
    {
        try
        {
            return DeviceRequest.Parse(name, "device");
        }
        catch (FormatException e)
        {
            throw new DeviceUnavailableException(e.Message);
        }
    }

    /// <returns>The number of visible GPUs, at least 1.</returns>
    private static int RequireCuda(string asked)
    {
        var count = TorchRuntime.CudaDeviceCount();
        if (count == 0)
        {
            var probe = TorchRuntime.ProbeCuda();
            throw new DeviceUnavailableException($"--devices {asked}: CUDA is not available: {CudaDiagnosis.WhyUnavailable(TorchRuntime.LibTorchFolder, probe.InitializationError)}");
        }
        return count;
    }

    private static string NoSuchGpu(int index, int count) =>
        $"--devices: no GPU cuda:{index} here: {count} visible ({string.Join(", ", CudaNames(Enumerable.Range(0, count)))}). "
        + "Fix: name a visible index, or check CUDA_VISIBLE_DEVICES (it renumbers the GPUs from 0)";

    private static List<string> CudaNames(IEnumerable<int> indices) => indices.Select(i => $"cuda:{i}").ToList();
}
