using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Pareto;

/// <summary>
/// Turns a trial's objective values (in the metrics' own units) into the minimised form the Pareto types take:
/// a maximised objective is negated, so that "lower is better" holds on every axis. Its own inverse.
/// </summary>
public static class ObjectiveOrientation
{
    public static double[] Minimised(IReadOnlyList<double> values, IReadOnlyList<MetricGoal> goals)
    {
        if (values.Count != goals.Count)
        {
            throw new ArgumentException($"{values.Count} values for {goals.Count} objectives.", nameof(values));
        }
        return [.. values.Select((value, k) => goals[k] == MetricGoal.Maximize ? -value : value)];
    }

    /// <summary>A minimised vector back in the metrics' own units (negation is its own inverse).</summary>
    public static double[] Natural(IReadOnlyList<double> minimised, IReadOnlyList<MetricGoal> goals) => Minimised(minimised, goals);

    /// <summary>A trial's minimised objective values; null when it lacks one or one is not a finite number.</summary>
    public static double[]? OfTrial(TrialMetrics metrics, IReadOnlyList<MetricSpec> objectives)
    {
        var values = new double[objectives.Count];
        for (var k = 0; k < objectives.Count; k++)
        {
            if (MetricTable.Get(objectives[k].Name).OfTrial(metrics) is not { } value || !double.IsFinite(value))
            {
                return null;
            }
            values[k] = objectives[k].Goal == MetricGoal.Maximize ? -value : value;
        }
        return values;
    }
}
