using System.Globalization;
using System.Text;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>
/// What the control-plane benchmark measured for one size. <paramref name="MeanDispatchMicroseconds"/> is the
/// coordinator's own handling time (result + next request) per dispatch; <paramref name="Rows"/> is how many rows the
/// final leaderboard files hold; the managed memory is taken after a full collection, before the run and after it
/// (with every result still held by the results actor).
/// </summary>
public sealed record ControlPlaneReport(
    int Trials,
    int Workers,
    long Done,
    int Rows,
    TimeSpan Elapsed,
    long Dispatches,
    double MeanDispatchMicroseconds,
    long ManagedBytesBefore,
    long ManagedBytesAfter)
{
    public double TrialsPerSecond => Trials / Elapsed.TotalSeconds;

    public double MillisecondsPerTrial => Elapsed.TotalMilliseconds / Trials;

    public double ManagedBytesPerTrial => (ManagedBytesAfter - ManagedBytesBefore) / (double)Trials;

    public override string ToString() => FormattableString.Invariant(
        $"{Trials} trials over {Workers} workers: {Elapsed.TotalSeconds:F2} s, {MillisecondsPerTrial:F3} ms/trial, {TrialsPerSecond:F0} trials/s, ") +
        FormattableString.Invariant($"{Dispatches} dispatches, {MeanDispatchMicroseconds:F1} µs coordinator time per dispatch, ") +
        FormattableString.Invariant($"managed memory {ManagedBytesBefore / 1048576.0:F1} MiB → {ManagedBytesAfter / 1048576.0:F1} MiB; ") +
        "results written as in a run (results.jsonl fsync'd, leaderboards and report.html throttled, final flush measured)";

    /// <summary>One row per size and the ratio of the largest size's cost per trial to the smallest's.</summary>
    public static string Table(IReadOnlyList<ControlPlaneReport> reports)
    {
        var text = new StringBuilder();
        text.AppendLine(FormattableString.Invariant($"after an untimed warm-up of {ControlPlaneBenchmark.WarmUpTrials} trials; results written as in a run: results.jsonl fsync'd (group commit), leaderboards and report.html throttled, final flush included"));
        text.AppendLine("   trials  workers  seconds  ms/trial  trials/s  µs/dispatch  managed MiB after  bytes/trial");
        foreach (var r in reports)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Trials,9}  {r.Workers,7}  {r.Elapsed.TotalSeconds,7:F2}  {r.MillisecondsPerTrial,8:F3}  {r.TrialsPerSecond,8:F0}  {r.MeanDispatchMicroseconds,11:F1}  {r.ManagedBytesAfter / 1048576.0,17:F1}  {r.ManagedBytesPerTrial,11:F0}"));
        }
        if (reports.Count > 1)
        {
            var (smallest, largest) = (reports[0], reports[^1]);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"ms/trial at {largest.Trials} / at {smallest.Trials}: {largest.MillisecondsPerTrial / smallest.MillisecondsPerTrial:F2}x"));
        }
        return text.ToString();
    }
}
