using SweepCluster.Core.Monitoring;
using System.CommandLine;
using Serilog;
using SweepCluster.Cli.Logging;
using SweepCluster.Cli.Progress;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// <c>sweepcluster coordinator sweep.yaml --host H --port P</c>: the coordinator node of a cluster sweep. It
/// holds the coordinator singleton and the results; workers join it. It journals its state, so running it
/// again with the same sweep and output folder resumes. Exits like <c>run</c> when the sweep is over.
/// </summary>
public static class CoordinatorCommand
{
    public const int DefaultPort = 4053;

    /// <summary>Exit code after SIGINT/SIGTERM: the journal keeps the state, the same command resumes.</summary>
    public const int Stopped = 130;

    public static Command Create()
    {
        var sweepFile = SweepOptions.SweepFileArgument();
        var set = SweepOptions.SetOption();
        var node = new NodeOptions();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (env SWEEPCLUSTER_OUT; default: out/<sweep name>). Rerun with the same folder to resume." };
        var maxRetries = new Option<int>("--max-retries") { Description = "Attempts after the first for a failed trial.", DefaultValueFactory = _ => 2 };
        var journal = new Option<string?>("--journal") { Description = "sqlite (default: <out>/journal.db) or postgres (env SWEEPCLUSTER_JOURNAL)." };
        var connection = new Option<string?>("--journal-connection")
        {
            Description = "ADO.NET connection string of the journal, e.g. \"Host=db;Username=sweep;Password=...;Database=sweeps\" (env SWEEPCLUSTER_JOURNAL_CONNECTION).",
        };
        var top = new Option<int>("--top") { Description = "Leaderboard rows printed at the end.", DefaultValueFactory = _ => 10 };
        var keepModels = SweepOptions.KeepModelsOption();
        var command = new Command("coordinator", "Run the coordinator node of a cluster sweep: workers join it; prints the leaderboard when the sweep is over.")
        {
            sweepFile, set, output, maxRetries, journal, connection, top, keepModels,
        };
        foreach (var option in node.All())
        {
            command.Options.Add(option);
        }
        command.SetAction(async (result, _) =>
        {
            var env = EnvironmentSettings.Process;
            try
            {
                return await RunAsync(result.GetRequiredValue(sweepFile), result.GetValue(set) ?? [], result.GetValue(output)?.FullName ?? env.Text("OUT"),
                    node, result, env, result.GetValue(maxRetries), result.GetValue(journal) ?? env.Text("JOURNAL"),
                    result.GetValue(connection) ?? env.Text("JOURNAL_CONNECTION"), result.GetValue(top), result.GetValue(keepModels));
            }
            catch (Exception e) when (e is FormatException or ClusterCertificateException)
            {
                // a SWEEPCLUSTER_* variable that does not parse; a certificate that cannot be used
                Console.Error.WriteLine(e.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, IReadOnlyList<string> overrides, string? output, NodeOptions node, ParseResult result,
        EnvironmentSettings env, int maxRetries, string? journalKind, string? connection, int top, int keepModels)
    {
        if (SweepOptions.KeepModelsProblem(keepModels) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }
        // The data is checked here, once, without a GPU: workers would only fail every trial on it.
        if (SweepOptions.TryLoad(file, overrides, Console.Error) is not { } sweep || SweepOptions.TryCheckData(sweep, Console.Error) is not { } shape)
        {
            return ExitCodes.BadInput;
        }
        var outputDirectory = Path.GetFullPath(output ?? Path.Combine("out", sweep.Name));
        var host = node.ResolveHost(result, env);
        var port = node.ResolvePort(result, env, DefaultPort);
        var tls = node.ResolveTls(result, env);
        var seeds = node.ResolveSeeds(result, env);
        seeds = seeds.Count > 0 ? seeds : [ClusterNodeOptions.SeedAddress(host, port, tls is not null)];
        var problems = NodeOptions.Problems(port, seeds, tls is not null).ToList();
        seeds = [.. seeds.Select(s => ClusterNodeOptions.WithScheme(s, tls is not null))];
        var journal = ResolveJournal(journalKind, connection, outputDirectory, problems);
        if (problems.Count > 0 || journal is null)
        {
            problems.ForEach(Console.Error.WriteLine);
            return ExitCodes.BadInput;
        }
        if (SweepFolder.ChangedDefinition(sweep, outputDirectory, offerFresh: false) is { } changed)
        {
            Console.Error.WriteLine(changed);
            return ExitCodes.BadInput;
        }
        var nodeName = $"{Environment.MachineName}-coordinator-{port}";
        Log.Logger = LoggingSetup.Create(node.ResolveLogDirectory(result, env) ?? Path.Combine(outputDirectory, "logs"), nodeName);
        try
        {
            var options = new CoordinatorNodeOptions(
                new ClusterNodeOptions(host, port, seeds, [AkkaConfig.CoordinatorRole], node.ResolveFailureDetection(result, env), Tls: tls),
                outputDirectory, journal, SweepDefinitionHash.Of(sweep.SourceText), maxRetries, KeepModels: keepModels);
            return await RunNodeAsync(sweep, shape.Dimensions, options, top);
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    private static async Task<int> RunNodeAsync(SweepDefinition sweep, DataDimensions data, CoordinatorNodeOptions options, int top)
    {
        Directory.CreateDirectory(options.OutputDirectory);
        AtomicFile.WriteText(Path.Combine(options.OutputDirectory, "sweep.yaml"), sweep.SourceText);
        var source = new SweepTrialSource(sweep, data);
        Log.Information(EventTemplates.CoordinatorStarting,
            sweep.Name, source.Count, ClusterNodeOptions.SeedAddress(options.Node.Host, options.Node.Port, options.Node.Tls is not null), options.Journal.Kind, options.OutputDirectory);
        using var signals = new StopSignals("the coordinator is leaving the cluster");
        var ended = await CoordinatorNode.RunAsync(source, options, signals.Token, new ProgressLog(TimeSpan.Zero)); // a line whenever the counts change
        switch (ended)
        {
            case null:
                Log.Warning(EventTemplates.CoordinatorStoppedResumable, sweep.Name);
                return Stopped;
            case { RefusedBecause: { } reason }:
                Console.Error.WriteLine($"sweep {sweep.Name}: {reason}");
                return ExitCodes.BadInput;
            case { FailedBecause: { } failure }:
                Log.Error(EventTemplates.SweepStoppedByJournal, sweep.Name, failure);
                return ExitCodes.TrialsFailed;
            default:
                var outcome = ended.Outcome!;
                RunCommand.PrintSummary(outcome, source, top);
                return outcome.Failed > 0 ? ExitCodes.TrialsFailed : ExitCodes.Success;
        }
    }

    private static JournalOptions? ResolveJournal(string? kind, string? connection, string outputDirectory, List<string> problems)
    {
        switch (kind?.ToLowerInvariant())
        {
            case null or "" or "sqlite":
                return connection is null ? JournalOptions.SqliteIn(outputDirectory) : new JournalOptions(JournalKind.Sqlite, connection);
            case "postgres" or "postgresql" when connection is not null:
                return new JournalOptions(JournalKind.Postgres, connection);
            case "postgres" or "postgresql":
                problems.Add("--journal postgres needs --journal-connection (or SWEEPCLUSTER_JOURNAL_CONNECTION)");
                return null;
            default:
                problems.Add($"--journal: 'sqlite' or 'postgres' (got '{kind}')");
                return null;
        }
    }
}
