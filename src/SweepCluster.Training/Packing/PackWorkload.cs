namespace SweepCluster.Training.Packing;

/// <summary>
/// The shape of a packed training step to measure: the network, the batch size and the per-trial work that
/// costs time (dropout masks, the L1 penalty). The defaults are the seed model's: dropout 0.2, L1 penalty, Adam.
/// </summary>
public sealed record PackWorkload(int Inputs, IReadOnlyList<int> Widths, int Outputs, int BatchSize, double Dropout = 0.2, double Lambda = 1e-5)
{
    /// <summary>The shape as text (<c>30-100-200-5@64</c>), for cache keys and reports.</summary>
    public string Describe() => $"{Inputs}-{string.Join("-", Widths)}-{Outputs}@{BatchSize}" + (Dropout > 0 ? $" dropout {Dropout}" : "") + (Lambda > 0 ? $" l1 {Lambda}" : "");
}
