using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A cluster of sweepcluster processes on 127.0.0.1 for one test: a temporary folder holding the sweep file,
/// the output and the logs, a free port for the coordinator, and every process started, all killed and
/// deleted on dispose. Failure detection is short (a dead node is downed about 3 s after it dies).
/// </summary>
internal sealed class TestCluster : IDisposable
{
    public const string SweepName = "cluster-it";

    private static readonly string[] FastFailureDetection = ["--heartbeat-pause", "1.5", "--stable-after", "1.5"];

    private readonly List<NodeProcess> processes = [];
    private readonly ITestOutputHelper output;

    public TestCluster(ITestOutputHelper output, int trials, int epochs = 40)
        : this(output, SweepYaml(trials, epochs))
    {
    }

    /// <param name="sweepYaml">The sweep file's text; its name must be <see cref="SweepName"/>.</param>
    public TestCluster(ITestOutputHelper output, string sweepYaml)
    {
        this.output = output;
        Folder = Directory.CreateTempSubdirectory("sweepcluster-it-").FullName;
        Port = FreePort();
        SweepFile = Path.Combine(Folder, "sweep.yaml");
        File.WriteAllText(SweepFile, sweepYaml);
    }

    public string Folder { get; }

    public int Port { get; }

    public string SweepFile { get; }

    public string OutputDirectory => Path.Combine(Folder, "out");

    public string LogDirectory => Path.Combine(Folder, "logs");

    public string Seed => $"akka.tcp://sweepcluster@127.0.0.1:{Port}";

    public NodeProcess StartCoordinator(params string[] extra) => Start("coordinator",
        ["coordinator", SweepFile, "--host", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--out", OutputDirectory,
         "--log-dir", LogDirectory, .. FastFailureDetection, .. extra]);

    public NodeProcess StartWorker(params string[] extra) => Start("worker",
        ["worker", "--host", "127.0.0.1", "--port", "0", "--seeds", Seed, "--workers", "1", "--threads-per-worker", "1",
         "--log-dir", LogDirectory, .. FastFailureDetection, .. extra]);

    /// <summary>
    /// Makes a cluster certificate with scripts/make-cluster-cert.sh (as a user would) in this cluster's folder and
    /// returns the options that give it to a node: <c>--tls-cert FILE --tls-password-file FILE.password</c>.
    /// </summary>
    public string[] MakeCertificate(string name = "cluster.pfx")
    {
        var path = Path.Combine(Folder, name);
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(CliBinary.RepoRoot, "scripts", "make-cluster-cert.sh"), "--out", path })
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Remove("SWEEPCLUSTER_TLS_PASSWORD");
        using var script = Process.Start(info)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        if (!script.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/make-cluster-cert.sh --out {path} did not finish within 30 s");
        }
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/make-cluster-cert.sh --out {path} failed:\n{output.Result}{error.Result}");
        }
        this.output.WriteLine(output.Result.Trim());
        return ["--tls-cert", path, "--tls-password-file", path + ".password"];
    }

    public IReadOnlyList<ClefEvent> Events() => ClefEvent.ReadFolder(LogDirectory);

    /// <summary>The coordinator's dispatches: one "Trial {TrialId} started on {Worker}" event per trial run.</summary>
    public IReadOnlyList<ClefEvent> Dispatches() => [.. Events().Where(e => e.Template == EventTemplates.TrialStarted)];

    public IReadOnlyList<string> RecordedTrialIds()
    {
        var path = Path.Combine(OutputDirectory, "results.jsonl");
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var ids = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            try
            {
                ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("result").GetProperty("trial_id").GetString()!);
            }
            catch (JsonException)
            {
                // a line being written
            }
        }
        return ids;
    }

    public IReadOnlyList<string> LeaderboardTrialIds()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "leaderboard.json")));
        return [.. json.RootElement.EnumerateArray().Select(row => row.GetProperty("trial_id").GetString()!)];
    }

    public static IEnumerable<string> AllTrialIds(int trials) => Enumerable.Range(0, trials).Select(i => $"{SweepName}-{i}");

    /// <summary>Polls until <paramref name="condition"/> holds; processes run on their own, so there is nothing to await.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:F0} s waiting until {what}\n{Describe()}");
            }
            await Task.Delay(100);
        }
    }

    public string Describe() => string.Join("\n", processes.Select(p => $"--- {p.Name} (pid {p.Id}{(p.HasExited ? $", exit {p.ExitCode}" : "")}):\n{Tail(p.Output)}"));

    public void Dispose()
    {
        output.WriteLine(Describe());
        foreach (var process in processes)
        {
            process.Dispose();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a process that just died may still hold a file; the temp folder is cleaned up by the OS later
        }
    }

    private NodeProcess Start(string role, IReadOnlyList<string> arguments)
    {
        var process = NodeProcess.Start($"{role}-{processes.Count}", arguments);
        processes.Add(process);
        return process;
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Trials of a few milliseconds (150 rows, 1 epoch) of two shapes: what is tested is the control plane.</summary>
    public static string TinySweepYaml(int trials) => $$"""
        name: {{SweepName}}
        method: random
        trials: {{trials}}
        seed: 1
        metric: { name: val_loss, goal: minimize }
        data:
          synthetic: { samples: 150, features: 4, informative: 2, classes: 2, seed: 3 }
          validation_fraction: 0.2
        model: { outputs: 2 }
        training: { epochs: 1, batch_size: 32, learning_rate: 1.0e-2 }
        parameters:
          lambda: { log_uniform: [1.0e-5, 1.0e-2] }
          widths: { values: [[8], [16]] }
        """;

    // Trials of about a second each on one thread: long enough to kill a node mid-trial, short enough for CI.
    private static string SweepYaml(int trials, int epochs) => $$"""
        name: {{SweepName}}
        method: random
        trials: {{trials}}
        seed: 3
        metric: { name: val_loss, goal: minimize }
        data:
          synthetic: { samples: 12000, features: 12, informative: 4, classes: 3, seed: 7 }
          validation_fraction: 0.2
        model: { outputs: 3, widths: [32, 16] }
        training: { epochs: {{epochs}}, batch_size: 128, learning_rate: 1.0e-2, optimizer: adam, l1_mode: proximal }
        parameters:
          lambda: { log_uniform: [1.0e-4, 1.0e-2] }
        """;
}
