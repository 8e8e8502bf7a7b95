using SweepCluster.Cluster.Serialization;

namespace SweepCluster.Cluster.Workers;

/// <summary>
/// What a worker is doing: <paramref name="TrialId"/> is null when idle; <paramref name="Epoch"/> is the last epoch
/// reported, of the trial's <paramref name="Epochs"/>.
/// </summary>
public sealed record WorkerStatus(string Worker, string Node, string? TrialId, int? Epoch, int? Epochs = null) : ISweepMessage;
