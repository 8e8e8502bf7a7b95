using System.Globalization;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>
/// Metric values as goal-free keys for the schedulers: a smaller key is a better value whatever the goal (the value for
/// minimize, its negation for maximize), and NaN and ±∞ (a diverged trial) are +∞, the worst.
/// </summary>
internal static class MetricOrder
{
    public static double Key(double value, MetricGoal goal) =>
        !double.IsFinite(value) ? double.PositiveInfinity : goal == MetricGoal.Minimize ? value : -value;

    /// <summary>The value of a finite key (the inverse of <see cref="Key"/>).</summary>
    public static double Value(double key, MetricGoal goal) => goal == MetricGoal.Minimize ? key : -key;

    /// <summary>A value as a reason shows it: four significant digits.</summary>
    public static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Two values to be compared in a reason: four digits, or all of them where four would show them equal.</summary>
    public static (string First, string Second) Format(double first, double second)
    {
        var (a, b) = (Format(first), Format(second));
        return a == b && first != second
            ? (first.ToString("R", CultureInfo.InvariantCulture), second.ToString("R", CultureInfo.InvariantCulture))
            : (a, b);
    }
}
