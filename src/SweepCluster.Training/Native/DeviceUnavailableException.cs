namespace SweepCluster.Training.Native;

/// <summary>
/// The devices or libtorch a node was asked to use are not there: a libtorch folder that does not exist, CUDA asked
/// for where it is not available, a GPU index that is not visible. Bad input (exit 2); the message says why and which fix applies.
/// </summary>
public sealed class DeviceUnavailableException(string message) : Exception(message);
