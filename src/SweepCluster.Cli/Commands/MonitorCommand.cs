using System.CommandLine;
using Spectre.Console;
using SweepCluster.Cli.Monitoring;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster monitor LOGS… [--follow] [--json]</c>: folds the CLEF logs of one or many nodes into the sweep's
/// state. Once: a plain report (or one JSON snapshot). With <c>--follow</c>: redrawn in place on a terminal, one
/// status line per change otherwise, until Ctrl-C.
/// </summary>
public static class MonitorCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("logs") { Description = "CLEF log files or folders (every *.clef below), e.g. out/quickstart/logs.", Arity = ArgumentArity.OneOrMore };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep reading appended lines and refresh until Ctrl-C." };
        var json = new Option<bool>("--json") { Description = "Print one machine-readable snapshot (schema in the README) and exit." };
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes with --follow.", DefaultValueFactory = _ => 1.0 };
        var command = new Command("monitor", "Show a sweep's progress from its logs: counts, best result, workers, failures, ETA.") { paths, follow, json, interval };
        command.SetAction((result, token) => RunAsync(result.GetRequiredValue(paths), result.GetValue(follow), result.GetValue(json),
            TimeSpan.FromSeconds(Math.Max(0.1, result.GetValue(interval))), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, token));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool follow, bool json, TimeSpan interval, TextWriter output, TextWriter error, CancellationToken token)
    {
        // Following may start before the sweep has written its first line; a one-off read of nothing is a mistake.
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0 && !follow)
        {
            error.WriteLine($"monitor: not found: {string.Join(", ", missing)}");
            return ExitCodes.BadInput;
        }
        var tail = new LogTail(paths);
        var monitor = new SweepMonitor();
        if (!follow || json)
        {
            monitor.ApplyAll(tail.ReadNew(final: true));
            var snapshot = Snapshot(monitor, tail, now: null);
            if (json)
            {
                snapshot = snapshot with { Importance = monitor.Importance() };
            }
            output.Write(json ? MonitorJson.Write(snapshot, tail.Files) + "\n" : MonitorText.Report(snapshot));
            return ExitCodes.Success;
        }
        var live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        await (live ? FollowLiveAsync(tail, monitor, interval, token) : FollowPlainAsync(tail, monitor, interval, output, token));
        return ExitCodes.Success;
    }

    private static async Task FollowLiveAsync(LogTail tail, SweepMonitor monitor, TimeSpan interval, CancellationToken token)
    {
        await AnsiConsole.Live(new Markup("reading logs…")).AutoClear(false).StartAsync(async context =>
        {
            while (!token.IsCancellationRequested)
            {
                monitor.ApplyAll(tail.ReadNew(final: false));
                context.UpdateTarget(MonitorPanel.Render(Snapshot(monitor, tail, DateTimeOffset.UtcNow)));
                context.Refresh();
                await Delay(interval, token);
            }
        });
    }

    private static async Task FollowPlainAsync(LogTail tail, SweepMonitor monitor, TimeSpan interval, TextWriter output, CancellationToken token)
    {
        var lastEvents = -1;
        while (!token.IsCancellationRequested)
        {
            monitor.ApplyAll(tail.ReadNew(final: false));
            if (monitor.EventsRead != lastEvents)
            {
                lastEvents = monitor.EventsRead;
                output.WriteLine(MonitorText.StatusLine(Snapshot(monitor, tail, DateTimeOffset.UtcNow)));
                output.Flush();
            }
            await Delay(interval, token);
        }
    }

    private static MonitorSnapshot Snapshot(SweepMonitor monitor, LogTail tail, DateTimeOffset? now) =>
        monitor.Snapshot(now) with { UnreadableLines = tail.UnreadableLines };

    private static async Task Delay(TimeSpan interval, CancellationToken token)
    {
        try
        {
            await Task.Delay(interval, token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: the loop ends.
        }
    }
}
