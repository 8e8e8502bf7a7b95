namespace SweepCluster.Core.Sweeps;

/// <summary>
/// What a sweep's networks learn (<c>task:</c>): class labels (<see cref="Classification"/>, cross-entropy on logits) or one
/// numeric target (<see cref="Regression"/>, MSE or Huber on the standardised target). The task decides how the label
/// column is read, the loss, the metrics a sweep may rank by, and the model's output.
/// </summary>
public enum SweepTask
{
    Classification,
    Regression,
}
