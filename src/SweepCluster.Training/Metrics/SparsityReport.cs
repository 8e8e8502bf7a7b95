namespace SweepCluster.Training.Metrics;

/// <summary>Sparsity of a network's weight matrices (biases excluded), as DESIGN.md defines it.</summary>
public sealed record SparsityReport(
    double Sparsity,
    double ExactZeroFraction,
    IReadOnlyList<double> LayerSparsity,
    int ActiveInputs,
    double L1Norm);
