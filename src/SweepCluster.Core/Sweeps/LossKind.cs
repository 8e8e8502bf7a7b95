namespace SweepCluster.Core.Sweeps;

/// <summary>
/// The loss of a regression sweep (<c>training.loss</c>), on the standardised target: mean squared error, or Huber with
/// <see cref="TrainingSettings.HuberDelta"/> (quadratic within delta standard deviations, linear beyond, so that outliers pull
/// less). Classification always trains on cross-entropy.
/// </summary>
public enum LossKind
{
    Mse,
    Huber,
}
