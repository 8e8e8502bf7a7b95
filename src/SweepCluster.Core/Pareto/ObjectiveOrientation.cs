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
}
