using SweepCluster.Core.Packing;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// Host-level trainer settings: <paramref name="Threads"/> is used when a trial does not set its own;
/// <paramref name="Device"/> is the device this trainer's worker slots are pinned to (<c>cpu</c>, <c>cuda:0</c>, …);
/// <paramref name="PackSize"/> is <c>--pack-size</c> (null: off).
/// </summary>
public sealed record TrainerOptions(int Threads = 1, string Device = "cpu", PackSizeSetting? PackSize = null);
