namespace SweepCluster.Training.Trainer;

/// <summary>Mean cross-entropy and accuracy over the validation split (eval mode, no penalty).</summary>
internal readonly record struct EvaluationResult(double Loss, double Accuracy);
