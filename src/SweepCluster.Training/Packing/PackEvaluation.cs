using SweepCluster.Training.Trainer;

namespace SweepCluster.Training.Packing;

/// <summary>Per-trial scores on the validation split (eval mode, no penalty), trial k at index k: as a single run scores itself.</summary>
internal sealed record PackEvaluation(IReadOnlyList<EvaluationResult> Trials);
