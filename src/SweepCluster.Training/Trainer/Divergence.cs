namespace SweepCluster.Training.Trainer;

/// <summary>The divergence rule both runs apply after each epoch: a loss that is no longer finite ends the trial.</summary>
internal static class Divergence
{
    /// <summary>The reason a trial diverged in <paramref name="epoch"/>, naming the first non-finite loss; null while both are finite.</summary>
    public static string? Reason(double trainLoss, double valLoss, int epoch, double learningRate) =>
        double.IsFinite(trainLoss) && double.IsFinite(valLoss)
            ? null
            : $"loss became {(double.IsFinite(trainLoss) ? valLoss : trainLoss)} in epoch {epoch} (learning_rate={learningRate})";
}
