using SweepCluster.Training.Data;
using TorchSharp;

namespace SweepCluster.Training.Trainer;

/// <summary>What a trial needs before training: its data on the device and its output count, or the problem that stops it.</summary>
internal sealed record PreparedTrial(TensorDataset? Data, int Outputs, torch.Device Device, string? Problem);
