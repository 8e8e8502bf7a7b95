using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// A trial's training cost estimated from its shape, before it runs: parameters × training rows × epochs (the refit's
/// included), proportional to its multiply-adds. Only the ratios between trials of one sweep matter (they share the data),
/// so the estimate need not be in seconds.
/// </summary>
public static class TrialCost
{
    /// <param name="inputs">The data's input columns.</param>
    /// <param name="outputs">The classes, used where the trial leaves its outputs to the data (0).</param>
    /// <param name="trainingRows">Rows of the training split.</param>
    public static double Of(TrialSpec trial, int inputs, int outputs, int trainingRows)
    {
        var layers = new List<int> { Math.Max(1, inputs) };
        layers.AddRange(trial.Widths);
        layers.Add(Math.Max(1, trial.Outputs > 0 ? trial.Outputs : outputs));
        double parameters = 0;
        for (var i = 1; i < layers.Count; i++)
        {
            parameters += (layers[i - 1] + 1.0) * layers[i];
        }
        return parameters * Math.Max(1, trainingRows) * Math.Max(1, trial.Training.TotalEpochs);
    }
}
