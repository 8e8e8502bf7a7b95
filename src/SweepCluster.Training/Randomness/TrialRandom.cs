using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Randomness;

/// <summary>
/// Every random draw of one trial (initial weights, each epoch's permutation, dropout masks, calibration inputs) on any
/// device. TorchSharp 0.107 builds every <see cref="Generator"/> on the CPU whatever device it is given
/// (TorchSharp#1194), and a CUDA op handed that generator throws; so the trial's generator lives on the CPU, draws
/// there, and the result moves to the trial's device. On the CPU nothing moves and the draws are exactly those a
/// generator on the device made before, so CPU results are unchanged. A trial's randomness is a function of its seed
/// alone, whatever else runs in the process. Not thread-safe: one trial's draws come from one thread.
/// </summary>
public sealed class TrialRandom : IDisposable
{
    private readonly Generator generator;

    public TrialRandom(long seed, Device device)
    {
        generator = new Generator(unchecked((ulong)seed), torch.CPU);
        Device = device;
    }

    /// <summary>The device the draws are returned on.</summary>
    public Device Device { get; }

    private bool OnCpu => Device.type == DeviceType.CPU;

    /// <summary>Uniform in [0, 1), float32, of the given shape.</summary>
    public Tensor Uniform(long[] shape) => ToDevice(torch.rand(shape, device: torch.CPU, generator: generator));

    /// <summary>Standard normal, float32, of the given shape.</summary>
    public Tensor Normal(long[] shape) => ToDevice(torch.randn(shape, device: torch.CPU, generator: generator));

    /// <summary>Integers in [0, <paramref name="high"/>), int64, of the given shape.</summary>
    public Tensor Integers(long high, long[] shape) => ToDevice(torch.randint(0, high, shape, device: torch.CPU, generator: generator));

    /// <summary>A random permutation of 0 … <paramref name="count"/> − 1 (int64).</summary>
    public Tensor Permutation(long count) => ToDevice(torch.randperm(count, device: torch.CPU, generator: generator));

    /// <summary>
    /// Fills <paramref name="target"/> (a slice of a larger tensor, say) with uniform [0, 1) draws. On the CPU it is filled in
    /// place, which draws the numbers <c>Uniform(target.shape)</c> would; elsewhere the draws are made on the CPU and copied in.
    /// </summary>
    public void FillUniform(Tensor target)
    {
        if (target.device_type == DeviceType.CPU)
        {
            target.uniform_(0, 1, generator);
            return;
        }
        using var drawn = torch.rand(target.shape, device: torch.CPU, generator: generator);
        target.copy_(drawn);
    }

    private Tensor ToDevice(Tensor drawn)
    {
        if (OnCpu)
        {
            return drawn;
        }
        var moved = drawn.to(Device);
        drawn.Dispose();
        return moved;
    }

    public void Dispose() => generator.Dispose();
}
