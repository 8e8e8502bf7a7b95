using SweepCluster.Core.Monitoring;
using System.CommandLine;
using Serilog;
using Serilog.Events;
using Spectre.Console;
using SweepCluster.Cli.Devices;
using SweepCluster.Cli.Logging;
using SweepCluster.Cli.Progress;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Packing;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Training.Native;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster run sweep.yaml</c>: the embedded default. One process holds the coordinator, the
/// workers and the results actor; at the end the top of the leaderboard is printed. It resumes what its output folder
/// holds, as the cluster coordinator does (the same SQLite journal and recovery): recorded trials are kept, the rest run;
/// a folder of another definition is refused (exit 2) unless <c>--fresh</c> moves it aside. A first Ctrl-C or SIGTERM
/// stops handing out trials and lets the running ones finish, then exits 130 or 143; the next run resumes.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var sweepFile = SweepOptions.SweepFileArgument();
        var set = SweepOptions.SetOption();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default: out/<sweep name>)." };
        var slots = new SlotOptions();
        var maxRetries = new Option<int>("--max-retries") { Description = "Attempts after the first for a failed trial.", DefaultValueFactory = _ => 2 };
        var logDir = new Option<DirectoryInfo?>("--log-dir") { Description = "Folder for the CLEF JSON log (default: <out>/logs)." };
        var top = new Option<int>("--top") { Description = "Leaderboard rows printed at the end.", DefaultValueFactory = _ => 10 };
        var keepModels = SweepOptions.KeepModelsOption();
        var fresh = new Option<bool>("--fresh") { Description = "Start over: move the output folder aside (to <out>.replaced-<time>) instead of resuming it." };
        var command = new Command("run", "Run a sweep in this process (coordinator, workers and results actor) and print the leaderboard; "
            + "run it again to resume.")
        {
            sweepFile, set, output, maxRetries, logDir, top, keepModels, fresh,
        };
        foreach (var option in slots.All())
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, _) =>
        {
            SlotSettings slotSettings;
            try
            {
                slotSettings = slots.Resolve(parseResult, EnvironmentSettings.Process);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(ExitCodes.BadInput);
            }
            return RunAsync(new RunArguments(
                parseResult.GetRequiredValue(sweepFile),
                parseResult.GetValue(set) ?? [],
                parseResult.GetValue(output),
                slotSettings,
                parseResult.GetValue(maxRetries),
                parseResult.GetValue(logDir),
                parseResult.GetValue(top),
                parseResult.GetValue(keepModels),
                parseResult.GetValue(fresh)));
        });
        return command;
    }

    private static async Task<int> RunAsync(RunArguments arguments)
    {
        if (arguments.Problems().FirstOrDefault() is { } problem)
        {
            Console.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }
        TorchRuntime.StartLoading();
        EmbeddedSweep.StartWarmUp();
        if (SweepOptions.TryLoad(arguments.SweepFile, arguments.Overrides, Console.Error) is not { } sweep
            || SweepOptions.TryCheckData(sweep, Console.Error) is not { } shape)
        {
            return ExitCodes.BadInput;
        }
        if (DeviceCheck.TryResolve(arguments.Slots.Devices, Console.Error, out var exitCode) is not { } devices)
        {
            return exitCode;
        }
        var outputDirectory = arguments.OutputDirectory?.FullName ?? Path.GetFullPath(Path.Combine("out", sweep.Name));
        if (OpenFolder(sweep, arguments.Fresh, outputDirectory, out var refusal) is not { } kept)
        {
            return refusal;
        }
        var node = Environment.MachineName;
        var live = IsTerminal();
        // The live display owns the terminal while the sweep runs: the console log keeps to warnings (the file has everything).
        Log.Logger = LoggingSetup.Create(arguments.LogDirectory?.FullName ?? Path.Combine(outputDirectory, "logs"), node,
            live ? LogEventLevel.Warning : LogEventLevel.Information);
        try
        {
            SayResuming(sweep.Name, kept, live);
            return await RunSweepAsync(sweep, shape.Dimensions, arguments, devices, outputDirectory, node, live);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>
    /// Readies the output folder before anything is written to it: with <c>--fresh</c> moves it aside; otherwise refuses
    /// a folder of another definition, and reads what its results.jsonl keeps (cutting off a torn last line). Null, with
    /// the reason on stderr and the exit code in <paramref name="refusal"/>, when the folder is refused (bad input: another
    /// definition, a damaged results.jsonl) or cannot be read (a failure): nothing was changed.
    /// </summary>
    private static KeptResults? OpenFolder(SweepDefinition sweep, bool fresh, string outputDirectory, out int refusal)
    {
        refusal = ExitCodes.BadInput;
        var total = new SweepTrialSource(sweep).Count;
        if (fresh)
        {
            if (SweepFolder.MoveAside(outputDirectory, DateTimeOffset.UtcNow) is { } moved)
            {
                Console.Error.WriteLine($"--fresh: the earlier {outputDirectory} is now {moved}");
            }
            return KeptResults.None(new SweepOutputPaths(outputDirectory).ResultsJournal, total);
        }
        if (SweepFolder.ChangedDefinition(sweep, outputDirectory, offerFresh: true) is { } changed)
        {
            Console.Error.WriteLine(changed);
            return null;
        }
        try
        {
            return SweepFolder.Keep(outputDirectory, total);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"{e.Message}; fix or remove that line, or start over with --fresh");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not the file's content but access to it (permissions, a disk error): a failure, not bad input.
            Console.Error.WriteLine($"{new SweepOutputPaths(outputDirectory).ResultsJournal} cannot be read: {e.Message}");
            refusal = ExitCodes.TrialsFailed;
            return null;
        }
    }

    /// <summary>The one line of a resume (and the torn line it dropped), in the log and, under the live display, on the terminal.</summary>
    private static void SayResuming(string sweepId, KeptResults kept, bool live)
    {
        if (kept.TornLine is { } torn)
        {
            Log.Warning(EventTemplates.ResultsTornLineDropped, kept.ResultsPath, torn);
        }
        if (kept.Kept == 0)
        {
            return;
        }
        Log.Information(EventTemplates.SweepResuming, sweepId, kept.Kept, kept.Total, kept.ToRun);
        if (live)
        {
            Console.WriteLine($"Resuming sweep {sweepId}: {kept.Kept} of {kept.Total} trials kept, {kept.ToRun} to run");
        }
    }

    /// <summary>A live display needs an interactive terminal; CI, pipes and docker logs get plain log lines.</summary>
    private static bool IsTerminal() => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static async Task<int> RunSweepAsync(SweepDefinition sweep, DataDimensions data, RunArguments arguments, IReadOnlyList<string> devices,
        string outputDirectory, string node, bool live)
    {
        Directory.CreateDirectory(outputDirectory);
        AtomicFile.WriteText(Path.Combine(outputDirectory, SweepFolder.DefinitionFile), sweep.SourceText);
        var source = new SweepTrialSource(sweep, data);
        using var slots = new WorkerSlots(devices, arguments.Slots);
        Log.Information(EventTemplates.SweepStarting,
            sweep.Name, source.Count, slots.Slots.Count, slots.Summary, arguments.Slots.ThreadsPerWorker, arguments.Slots.PackSize ?? PackSizeSetting.Auto, outputDirectory);
        using var stop = new StopSignals("the sweep stops: no new trials; the running ones finish and are kept (quitting at once, they run again next time)");
        // DEBUG lets the per-epoch and per-result events reach the log file (monitor reads them); the console stays at its level.
        // The journal and its definition hash are the coordinator's: the same recovery resumes both commands.
        var options = new EmbeddedSweepOptions(outputDirectory, arguments.MaxRetries, node, LogLevel: "DEBUG", KeepModels: arguments.KeepModels,
            Journal: JournalOptions.FileIn(outputDirectory), DefinitionHash: SweepDefinitionHash.Of(sweep.SourceText), InterruptOnStop: false);
        ISweepProgressView view = live
            ? new LiveSweepDisplay(AnsiConsole.Console, source.SweptParameters, source.Metric.Name)
            : new ProgressLog(TimeSpan.FromSeconds(5));
        SweepOutcome outcome;
        try
        {
            outcome = await view.RunAsync(() => EmbeddedSweep.RunAsync(source, slots.Slots, options, stop.Token,
                progress: live ? null : view, details: live ? view : null));
        }
        catch (SweepFailedException e)
        {
            Log.Error(EventTemplates.SweepFailed, sweep.Name, e.Message, outputDirectory);
            return ExitCodes.TrialsFailed;
        }
        catch (SweepRefusedException e)
        {
            Console.Error.WriteLine($"{outputDirectory}: {e.Message}");
            return ExitCodes.BadInput;
        }
        PrintSummary(outcome, source, arguments.Top);
        if (outcome.Stopped)
        {
            Log.Warning(EventTemplates.SweepStoppedResumable, sweep.Name, outcome.Done + outcome.Failed, outcome.Total, outputDirectory);
            return stop.ExitCode;
        }
        return outcome.Failed > 0 ? ExitCodes.TrialsFailed : ExitCodes.Success;
    }

    internal static void PrintSummary(SweepOutcome outcome, ITrialSource source, int top)
    {
        Console.WriteLine();
        var stoppedEarly = outcome.StoppedEarly > 0 ? $" ({outcome.StoppedEarly} stopped early)" : "";
        Console.WriteLine($"Sweep {outcome.SweepId}: {outcome.Done} of {outcome.Total} trials done{stoppedEarly}, {outcome.Failed} failed, "
            + $"{outcome.Interrupted} interrupted, {outcome.NotRun} not run, in {outcome.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"Ranked by {ObjectivesText.Of(source.Objectives)}:");
        Console.WriteLine();
        Console.Write(LeaderboardTable.Console(outcome.Entries, source.SweptParameters, top, source.Metric.Task, source.Repeats, source.Metric.Name,
            source.Objectives.Count));
        Console.WriteLine();
        Console.WriteLine($"Leaderboard: {outcome.Paths.LeaderboardCsv}");
        Console.WriteLine($"             {outcome.Paths.LeaderboardMarkdown}");
        Console.WriteLine($"             {outcome.Paths.LeaderboardJson}");
        Console.WriteLine($"Results:     {outcome.Paths.ResultsJournal}");
        Console.WriteLine($"Report:      {outcome.Paths.Report}");
        if (ModelFolders.Best(outcome.Paths) is { } best)
        {
            Console.WriteLine($"Model:       {best} (model.onnx, model.safetensors, model.json; `sweepcluster predict {best} DATA.csv`)");
        }
    }
}
