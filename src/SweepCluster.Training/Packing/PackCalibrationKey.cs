namespace SweepCluster.Training.Packing;

/// <summary>What a calibration decision depends on: device, network shape, batch size and the largest pack allowed.</summary>
internal sealed record PackCalibrationKey(string Device, string Workload, int MaxPackSize);
