using SweepCluster.Core.Results;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// One trial's scores on the validation split (eval mode, no penalty): the mean cross-entropy and the accuracy of a
/// classifier, or the scores of a regression network in the target's units (its loss is their MSE).
/// </summary>
internal readonly record struct EvaluationResult(double Loss, double? Accuracy, RegressionScores? Regression = null)
{
    public static EvaluationResult Of(RegressionScores scores) => new(scores.Mse, null, scores);

    public EpochRecord ToRecord(int epoch, double trainLoss, bool refit) =>
        new(epoch, trainLoss, Loss, Accuracy, refit, Regression?.Rmse, Regression?.Mae, Regression?.R2);
}
