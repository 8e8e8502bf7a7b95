namespace SweepCluster.Training.Native;

/// <summary>libtorch or TorchSharp's native bridge could not be loaded; the message says how to fix it.</summary>
public sealed class NativeRuntimeException : Exception
{
    public NativeRuntimeException(string message) : base(message) { }

    public NativeRuntimeException(string message, Exception inner) : base(message, inner) { }
}
