using System.Globalization;
using SweepCluster.Core.Monitoring;
using SweepCluster.Core.Results;

namespace SweepCluster.Cli.Monitoring;

/// <summary>Plain-text renderings of a monitor snapshot: a full report, and a one-line status for logs that follow.</summary>
public static class MonitorText
{
    public static string StatusLine(MonitorSnapshot s)
    {
        var best = s.Best is { } b ? Invariant($", best {b.TrialId} {b.Metric}={b.Value:G5}") : "";
        return Invariant($"[{s.At:HH:mm:ss}] sweep {s.SweepId ?? "?"} {State(s)}{Resumed(s)}: {s.Done}/{Total(s)} done{StoppedEarly(s)}, {s.Running} running, {s.Queued} queued, {s.Failed} failed{best}, ETA {Eta(s.Eta)}");
    }

    public static string Report(MonitorSnapshot s)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine(Invariant($"Sweep {s.SweepId ?? "(no start event yet)"}: {State(s)}{Resumed(s)}"));
        text.WriteLine(Invariant($"  trials: {s.Done} done{StoppedEarly(s)}, {s.Running} running, {s.Queued} queued, {s.Failed} failed, of {Total(s)}"));
        text.WriteLine(Invariant($"  rate: {Number(s.TrialsPerMinute, "F1")} trials/min, ETA {Eta(s.Eta)}"));
        if (s.Best is { } best)
        {
            text.WriteLine(Invariant($"  best: {best.TrialId} {best.Metric}={best.Value:G6} {Companion(best)} on {Where(best.Worker, best.Device)}"));
            text.WriteLine($"        {Parameters(best.Parameters)}");
            if (Kept(best) is { } kept)
            {
                text.WriteLine($"        {kept}");
            }
        }
        else
        {
            text.WriteLine("  best: none yet");
        }
        if (s.Front is { } front)
        {
            text.WriteLine(Invariant($"  Pareto front: {front.Size} of {front.Ranked} trials, hypervolume {front.Hypervolume:G6} (reference [{string.Join(", ", front.Reference.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}]{(front.ReferenceGiven ? " from the sweep file" : ", the worst seen plus 10 % of the range")})"));
        }
        text.WriteLine("  workers:");
        foreach (var w in s.Workers)
        {
            text.WriteLine(Invariant($"    {Where(w.Worker, w.Device),-28} {Current(w),-28} {w.TrialsFinished,4} finished  {Number(w.TrialsPerMinute, "F1"),6} trials/min  {Number(w.SamplesPerSecond, "F0"),8} samples/s"));
        }
        text.WriteLine(s.RecentFailures.Count == 0 ? "  recent failures: none" : "  recent failures:");
        foreach (var f in s.RecentFailures)
        {
            text.WriteLine(Invariant($"    {f.Time:HH:mm:ss} {f.TrialId} {Failure(f)} on {f.Worker ?? "?"}: {f.Reason}"));
        }
        if (s.UnreadableLines > 0)
        {
            text.WriteLine(Invariant($"  ({s.UnreadableLines} unreadable log line(s) skipped, e.g. a line still being written)"));
        }
        return text.ToString();
    }

    /// <summary>A worker with its device, e.g. <c>host/worker-0 (cuda:0)</c>; logs from before devices show the worker alone.</summary>
    public static string Where(string? worker, string? device) => device is null ? worker ?? "?" : $"{worker ?? "?"} ({device})";

    public static string Current(WorkerView w) => w.TrialId is null ? "idle"
        : w.Epoch is { } epoch ? Invariant($"{w.TrialId} epoch {epoch}{(w.Epochs is { } n ? Invariant($"/{n}") : "")}")
        : w.TrialId;

    public static string Failure(FailureView f) =>
        f.Kind == TrialStatus.Failed && f.Attempt is { } a
            ? Invariant($"{TrialStatusText.Of(f.Kind)} (attempt {a}/{f.MaxAttempts}{(f.Final ? ", final" : "")})")
            : TrialStatusText.Of(f.Kind);

    public static string Parameters(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0 ? "(parameters not logged)" : string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>
    /// What the best trial kept: <c>active inputs 4: x0, x1, x2, x3; active neurons [12]</c> (names as the leaderboard shows
    /// them); null for logs from before these were logged.
    /// </summary>
    public static string? Kept(BestTrial best)
    {
        if (best.ActiveInputs is not { } inputs)
        {
            return null;
        }
        var names = best.ActiveInputNames is { Count: > 0 } list ? $": {Core.Results.LeaderboardColumns.NameList(list)}" : "";
        var neurons = best.ActiveNeurons is { } counts ? $"; active neurons [{string.Join(", ", counts)}]" : "";
        return Invariant($"active inputs {inputs}{names}{neurons}");
    }

    public static string Eta(TimeSpan? eta) => eta is not { } t ? "unknown"
        : t.TotalHours >= 1 ? Invariant($"{(int)t.TotalHours}h{t.Minutes:00}m") : Invariant($"{t.Minutes:00}:{t.Seconds:00}");

    /// <summary>The metric shown beside the ranking one: sparsity, or val_loss when the sweep ranks by sparsity.</summary>
    public static string Companion(BestTrial best) => best.Metric == "sparsity"
        ? $"val_loss={Number(best.ValLoss, "F4")}"
        : $"sparsity={Number(best.Sparsity, "F4")}";

    public static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    public static string State(MonitorSnapshot s) => SweepStateText.Of(s.State);

    private static string StoppedEarly(MonitorSnapshot s) => s.StoppedEarly > 0 ? Invariant($" ({s.StoppedEarly} stopped early)") : "";

    private static string Resumed(MonitorSnapshot s) => s.Kept > 0 ? Invariant($" (resumed, {s.Kept} trials kept)") : "";

    private static string Total(MonitorSnapshot s) => s.Total?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
