namespace SweepCluster.Training.Metrics;

/// <summary>
/// Sparsity of a network's weight matrices (biases excluded), as docs/architecture.md and the README ("Metrics") define it:
/// <paramref name="ActiveInputNames"/> names the <paramref name="ActiveInputs"/> inputs in data order, and
/// <paramref name="ActiveNeurons"/> counts the active units of each hidden layer.
/// </summary>
public sealed record SparsityReport(
    double Sparsity,
    double ExactZeroFraction,
    IReadOnlyList<double> LayerSparsity,
    int ActiveInputs,
    double L1Norm,
    IReadOnlyList<string> ActiveInputNames,
    IReadOnlyList<int> ActiveNeurons);
