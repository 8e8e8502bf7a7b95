namespace SweepCluster.Training.Native;

/// <summary>
/// Whether CUDA is usable here, and when asking libtorch threw instead of answering, what it said: that message is the
/// diagnosis a user needs (a driver too old for the CUDA build, say), so it is kept rather than read as "no GPU".
/// </summary>
public sealed record CudaProbe(bool IsAvailable, string? InitializationError)
{
    public static CudaProbe Available { get; } = new(true, null);

    public static CudaProbe NotAvailable { get; } = new(false, null);
}
