using System.CommandLine;
using System.Globalization;
using SweepCluster.Core.Analysis;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Reporting;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster leaderboard OUT_DIR [--top N] [--importance]</c>: re-renders every result file (leaderboard.csv/md/json
/// and report.html) from results.jsonl, ranked as <c>OUT_DIR/sweep.yaml</c> says, and prints the top N; with
/// <c>--importance</c>, also each swept parameter's importance (<see cref="ImportanceEvaluator"/>), most important first.
/// </summary>
public static class LeaderboardCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("out-dir") { Description = "A sweep's output folder (holds sweep.yaml and results.jsonl), e.g. out/quickstart." };
        var top = new Option<int>("--top") { Description = "Rows printed.", DefaultValueFactory = _ => 10 };
        var sweepOption = new Option<FileInfo?>("--sweep")
        {
            Description = "The sweep file to rank by (default: OUT_DIR/sweep.yaml). Needed for a CSV sweep whose data path is relative to the original file.",
        };
        var importance = new Option<bool>("--importance")
        {
            Description = "Also print each swept parameter's importance for the metric (fANOVA over a random forest; needs 8 ranked trials).",
        };
        var command = new Command("leaderboard", "Re-render a sweep's leaderboard files and report.html from results.jsonl and print the top rows.") { directory, top, sweepOption, importance };
        command.SetAction(result => Run(result.GetRequiredValue(directory), result.GetValue(top),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, result.GetValue(sweepOption), result.GetValue(importance)));
        return command;
    }

    public static int Run(DirectoryInfo directory, int top, TextWriter output, TextWriter error, FileInfo? sweepPath = null, bool importance = false)
    {
        var paths = new SweepOutputPaths(directory.FullName);
        var sweepFile = sweepPath?.FullName ?? Path.Combine(directory.FullName, "sweep.yaml");
        if (top < 0)
        {
            error.WriteLine($"--top: must be 0 or more (got {top})");
            return ExitCodes.BadInput;
        }
        if (!File.Exists(paths.ResultsJournal) || !File.Exists(sweepFile))
        {
            error.WriteLine($"leaderboard: {directory} is not a sweep output folder (needs results.jsonl, and sweep.yaml or --sweep)");
            return ExitCodes.BadInput;
        }
        if (SweepOptions.TryLoad(new FileInfo(sweepFile), [], error) is not { } sweep)
        {
            if (sweepPath is null)
            {
                error.WriteLine("(a CSV sweep's data path is relative to the original sweep file: pass it with --sweep FILE)");
            }
            return ExitCodes.BadInput;
        }
        IReadOnlyList<LeaderboardEntry> entries;
        try
        {
            entries = ResultsJournal.Read(paths.ResultsJournal);
        }
        catch (InvalidDataException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        var swept = sweep.Parameters.Select(p => p.Name).ToList();
        var leaderboard = new Leaderboard(sweep.Objectives, sweep.Repeats);
        foreach (var entry in entries)
        {
            leaderboard.TryAdd(entry);
        }
        var rows = leaderboard.Ranked();
        new LeaderboardWriter(paths, swept, sweep.Metric.Task, sweep.Repeats, sweep.Metric.Name, sweep.Objectives.Count).Write(rows);
        new ReportWriter(paths, sweep.Name, sweep.Metric, swept, sweep.Parameters, sweep.Objectives, sweep.Reference).Write(rows, live: false);
        output.WriteLine($"Sweep {sweep.Name}: {rows.Count} results, ranked by {ObjectivesText.Of(sweep.Objectives)}");
        output.WriteLine();
        output.Write(LeaderboardTable.Console(rows, swept, top, sweep.Metric.Task, sweep.Repeats, sweep.Metric.Name, sweep.Objectives.Count));
        output.WriteLine();
        if (importance)
        {
            WriteImportance(output, ImportanceEvaluator.ForLeaderboard(rows, sweep.Metric, swept, sweep.Parameters), rows, sweep.Metric);
            output.WriteLine();
        }
        output.WriteLine($"Rewritten: {paths.LeaderboardCsv}, {paths.LeaderboardMarkdown}, {paths.LeaderboardJson}, {paths.Report}");
        return ExitCodes.Success;
    }

    private static void WriteImportance(TextWriter output, ImportanceResult? result, IReadOnlyList<RankedEntry> rows, MetricSpec metric)
    {
        if (result is null)
        {
            var ranked = AnalysisTrial.FromLeaderboard(rows, metric).Count;
            output.WriteLine($"Parameter importance: needs at least {ImportanceSettings.Default.MinimumTrials} ranked trials with different {metric.Name} ({ranked} so far)");
            return;
        }
        var used = result.TrialsUsed < result.Trials ? $"an even sample of {result.TrialsUsed} of {result.Trials}" : $"{result.Trials}";
        output.WriteLine($"Parameter importance for {metric.Name} ({result.Method}, fitted on {used} ranked trials; the shares sum to 1):");
        var width = Math.Max("parameter".Length, result.Ranked.Max(p => p.Parameter.Length));
        output.WriteLine($"{"parameter".PadRight(width)}  importance");
        foreach (var (parameter, share) in result.Ranked)
        {
            output.WriteLine($"{parameter.PadRight(width)}  {share.ToString("F4", CultureInfo.InvariantCulture)}");
        }
    }
}
