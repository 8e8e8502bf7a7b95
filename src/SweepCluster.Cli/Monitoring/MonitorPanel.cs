using Spectre.Console;
using Spectre.Console.Rendering;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.Cli.Monitoring;

/// <summary>The Spectre.Console rendering of a monitor snapshot, redrawn in place by <c>monitor --follow</c>.</summary>
public static class MonitorPanel
{
    // The live view keeps to the newest few so that the workers stay on screen; --json and the plain report have ten.
    private const int FailuresShown = 5;

    public static IRenderable Render(MonitorSnapshot s) => new Rows(
        new Markup($"[bold]Sweep {Markup.Escape(s.SweepId ?? "?")}[/] ({Markup.Escape(s.Kept > 0 ? $"{MonitorText.State(s)}, resumed, {s.Kept} kept" : MonitorText.State(s))})  ETA [bold]{MonitorText.Eta(s.Eta)}[/]  "
            + $"{MonitorText.Number(s.TrialsPerMinute, "F1")} trials/min  [grey]at {s.At:HH:mm:ss}[/]"),
        Counts(s.Done, s.Running, s.Queued, s.Failed),
        Best(s),
        Workers(s),
        Failures(s));

    /// <summary>The trial counts as one coloured bar with a legend (shared with <c>run</c>'s live display).</summary>
    public static IRenderable Counts(long done, long running, long queued, long failed)
    {
        var chart = new BreakdownChart().Width(72);
        chart.AddItem("done", done, Color.Green);
        chart.AddItem("running", running, Color.Yellow);
        chart.AddItem("queued", queued, Color.Grey);
        chart.AddItem("failed", failed, Color.Red);
        return chart;
    }

    private static IRenderable Best(MonitorSnapshot s)
    {
        if (s.Best is not { } best)
        {
            return new Markup("[grey]best: none yet[/]");
        }
        return new Markup($"best [bold]{Markup.Escape(best.TrialId)}[/] {Markup.Escape(best.Metric)}=[bold green]{best.Value:G6}[/] "
            + $"{MonitorText.Companion(best)} on {Markup.Escape(MonitorText.Where(best.Worker, best.Device))}  {Markup.Escape(MonitorText.Parameters(best.Parameters))}");
    }

    private static IRenderable Workers(MonitorSnapshot s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("workers");
        table.AddColumns("worker", "current trial", "finished", "trials/min", "samples/s");
        foreach (var w in s.Workers)
        {
            table.AddRow(Markup.Escape(MonitorText.Where(w.Worker, w.Device)), Markup.Escape(MonitorText.Current(w)), w.TrialsFinished.ToString(),
                MonitorText.Number(w.TrialsPerMinute, "F1"), MonitorText.Number(w.SamplesPerSecond, "F0"));
        }
        return table;
    }

    private static IRenderable Failures(MonitorSnapshot s)
    {
        if (s.RecentFailures.Count == 0)
        {
            return new Markup("[grey]recent failures: none[/]");
        }
        var table = new Table().Border(TableBorder.Rounded).Title("recent failures");
        table.AddColumns("time", "trial", "what", "worker", "reason");
        foreach (var f in s.RecentFailures.Take(FailuresShown))
        {
            table.AddRow(f.Time.ToString("HH:mm:ss"), Markup.Escape(f.TrialId), Markup.Escape(MonitorText.Failure(f)),
                Markup.Escape(f.Worker ?? "?"), Markup.Escape(f.Reason));
        }
        return table;
    }
}
