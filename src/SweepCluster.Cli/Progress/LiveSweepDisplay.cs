using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using SweepCluster.Cli.Monitoring;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Results;

namespace SweepCluster.Cli.Progress;

/// <summary>
/// The progress view for a terminal: a Spectre.Console live display, redrawn in place, with the trial counts
/// as a bar, the running trials with their epoch, and the current top of the leaderboard.
/// </summary>
public sealed class LiveSweepDisplay(IAnsiConsole console, IReadOnlyList<string> sweptParameters, string metric, int top = 5) : ISweepProgressView
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private LiveDisplayContext? context;
    private SweepStatus? status;
    private IReadOnlyList<WorkerStatus> workers = [];
    private IReadOnlyList<RankedEntry> leaderboard = [];

    public async Task<T> RunAsync<T>(Func<Task<T>> sweep)
    {
        T result = default!;
        await console.Live(new Markup("starting…")).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
        {
            lock (gate)
            {
                context = live;
            }
            result = await sweep();
            lock (gate)
            {
                Redraw();
                context = null;
            }
        });
        return result;
    }

    public void Report(SweepStatus value)
    {
        lock (gate)
        {
            status = value;
            Redraw();
        }
    }

    public void Report(SweepProgress value)
    {
        lock (gate)
        {
            status = value.Status;
            workers = value.Workers;
            leaderboard = value.Leaderboard;
            Redraw();
        }
    }

    public IRenderable Render()
    {
        if (status is not { } s)
        {
            return new Markup("starting…");
        }
        var header = new Markup(string.Create(CultureInfo.InvariantCulture,
            $"[bold]Sweep {Markup.Escape(s.SweepId)}[/]: {s.Done + s.Failed}/{s.Total} settled, {s.Running} running, {s.Queued} queued, {s.Failed} failed  [grey]{clock.Elapsed:mm\\:ss}[/]{(s.Stopping ? "  [yellow]stopping[/]" : "")}"));
        return new Rows(header, MonitorPanel.Counts(s.Done, s.Running, s.Queued, s.Failed), Running(), Top());
    }

    private void Redraw()
    {
        if (context is null)
        {
            return;
        }
        context.UpdateTarget(Render());
        context.Refresh();
    }

    private Table Running()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("running");
        table.AddColumns("worker", "trial", "epoch");
        foreach (var w in workers.Where(w => w.TrialId is not null))
        {
            var epoch = w.Epoch is { } e ? (w.Epochs is { } n ? $"{e}/{n}" : e.ToString(CultureInfo.InvariantCulture)) : "starting";
            table.AddRow(Markup.Escape(w.Worker), Markup.Escape(w.TrialId!), epoch);
        }
        return table;
    }

    private Table Top()
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"top {top} by {Markup.Escape(metric)}");
        table.AddColumns(["rank", "trial", .. sweptParameters.Select(Markup.Escape), "val_loss", "sparsity"]);
        foreach (var row in leaderboard.Where(r => r.Rank is not null).Take(top))
        {
            var m = row.Entry.Result.Metrics!;
            table.AddRow([row.Rank!.Value.ToString(CultureInfo.InvariantCulture), Markup.Escape(row.Entry.TrialId),
                .. sweptParameters.Select(p => Markup.Escape(row.Entry.SweptText(p))),
                m.ValLoss.ToString("F4", CultureInfo.InvariantCulture), m.Sparsity.ToString("F4", CultureInfo.InvariantCulture)]);
        }
        return table;
    }
}
