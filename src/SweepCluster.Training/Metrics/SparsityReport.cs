namespace SweepCluster.Training.Metrics;

/// <summary>Sparsity of a network's weight matrices (biases excluded), as docs/architecture.md and the README ("Metrics") define it.</summary>
public sealed record SparsityReport(
    double Sparsity,
    double ExactZeroFraction,
    IReadOnlyList<double> LayerSparsity,
    int ActiveInputs,
    double L1Norm);
