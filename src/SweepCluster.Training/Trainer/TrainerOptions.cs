namespace SweepCluster.Training.Trainer;

/// <summary>Host-level trainer settings. <paramref name="Threads"/> is used when a trial does not set its own.</summary>
public sealed record TrainerOptions(int Threads = 1);
