namespace SweepCluster.Training.Packing;

/// <summary>Per-trial mean cross-entropy and accuracy on the validation split (eval mode, no penalty), trial k at index k.</summary>
internal sealed record PackEvaluation(IReadOnlyList<double> Losses, IReadOnlyList<double> Accuracies);
