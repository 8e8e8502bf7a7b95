using System.Text.Json;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

/// <summary><c>run</c> with <c>--devices</c> and <c>--slots-per-device</c> as a user starts it: a real process on this (GPU-less) machine.</summary>
[Collection(ProcessCollection.Name)]
public sealed class DeviceSlotTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-devices-").FullName;

    private string Output => Path.Combine(folder, "out");

    private string QuickStart => Path.Combine(CliBinary.RepoRoot, "sweeps", "quickstart.yaml");

    [Fact]
    public async Task Two_pinned_cpu_slots_train_the_sweep_and_every_result_says_cpu()
    {
        // when the quickstart runs on two CPU slots
        using var run = NodeProcess.Start("run", ["run", QuickStart, "--devices", "cpu", "--slots-per-device", "2", "--out", Output]);
        var exit = await run.WaitForExitAsync(RunTimeout);

        // then it finishes, and each trial's record names the device, the node and one of the two workers
        Assert.True(exit == 0, run.Output);
        Assert.Contains("2 workers (cpu x2)", run.Output);
        var records = File.ReadAllLines(Path.Combine(Output, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("result")).ToList();
        Assert.Equal(12, records.Count);
        Assert.All(records, r => Assert.Equal("cpu", r.GetProperty("device").GetString()));
        Assert.All(records, r => Assert.Equal(Environment.MachineName, r.GetProperty("node").GetString()));
        Assert.Equal(2, records.Select(r => r.GetProperty("worker").GetString()).Distinct().Count());
        var header = File.ReadLines(Path.Combine(Output, "leaderboard.csv")).First().Split(',');
        Assert.Contains("device", header);
        var finished = ClefEvent.ReadFolder(Path.Combine(Output, "logs")).Where(e => e.Template == EventTemplates.TrialFinished).ToList();
        Assert.Equal(12, finished.Count);
        Assert.All(finished, e => Assert.Equal("cpu", e.Property("Device")));

        // and monitor, reading those fresh logs, shows the device of each worker and of the best trial
        using var monitor = NodeProcess.Start("monitor", ["monitor", Path.Combine(Output, "logs"), "--json"]);
        Assert.True(await monitor.WaitForExitAsync(RunTimeout) == 0, monitor.Output);
        var snapshot = JsonDocument.Parse(monitor.Output).RootElement;
        Assert.Equal(("cpu", Environment.MachineName), (snapshot.GetProperty("best").GetProperty("device").GetString(), snapshot.GetProperty("best").GetProperty("node").GetString()));
        Assert.All(snapshot.GetProperty("workers").EnumerateArray(), w => Assert.Equal("cpu", w.GetProperty("device").GetString()));
    }

    [CpuOnlyCliFact]
    public async Task Cuda_where_there_is_none_exits_2_saying_why_before_writing_anything()
    {
        using var run = NodeProcess.Start("run", ["run", QuickStart, "--devices", "cuda", "--out", Output]);

        var exit = await run.WaitForExitAsync(RunTimeout);

        Assert.True(exit == 2, run.Output);
        Assert.Contains("--devices cuda: CUDA is not available: this build bundles the CPU-only libtorch. Fix:", run.Output);
        AssertNoStackTrace(run.Output);
        Assert.False(Directory.Exists(Output), "nothing should be written for bad input");
    }

    [Fact]
    public async Task A_libtorch_folder_that_does_not_exist_exits_2_naming_it()
    {
        var missing = Path.Combine(folder, "no-such-torch", "lib");
        using var run = NodeProcess.Start("run", ["run", QuickStart, "--devices", "cpu", "--out", Output],
            new Dictionary<string, string> { ["SWEEPCLUSTER_LIBTORCH"] = missing });

        var exit = await run.WaitForExitAsync(RunTimeout);

        Assert.True(exit == 2, run.Output);
        Assert.Contains($"SWEEPCLUSTER_LIBTORCH={missing}: no such folder", run.Output);
        AssertNoStackTrace(run.Output);
        Assert.False(Directory.Exists(Output), "nothing should be written for bad input");
    }

    [Fact]
    public async Task A_libtorch_folder_without_libtorch_so_exits_2_naming_it()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty-lib")).FullName;
        using var worker = NodeProcess.Start("worker", ["worker", "--devices", "cpu", "--seeds", "akka.tcp://sweepcluster@127.0.0.1:1"],
            new Dictionary<string, string> { ["SWEEPCLUSTER_LIBTORCH"] = empty });

        var exit = await worker.WaitForExitAsync(RunTimeout);

        Assert.True(exit == 2, worker.Output);
        Assert.Contains($"SWEEPCLUSTER_LIBTORCH={empty}: the folder has no libtorch.so", worker.Output);
        AssertNoStackTrace(worker.Output);
    }

    [CompilerFact]
    public async Task A_libtorch_that_lacks_a_symbol_the_bridge_needs_exits_2_at_start_naming_the_symbol()
    {
        // given a libtorch folder whose libraries are there but lack TorchSharp's symbols (a stub built for the purpose)
        var lib = StubLibTorch.Build(Path.Combine(folder, "stub"), "2.3.0");

        // when a sweep starts with it
        using var run = NodeProcess.Start("run", ["run", QuickStart, "--devices", "cpu", "--out", Output],
            new Dictionary<string, string> { ["SWEEPCLUSTER_LIBTORCH"] = lib });
        var exit = await run.WaitForExitAsync(RunTimeout);

        // then it stops before any trial with one line: the folder, the missing symbol, the versions; nothing is written
        Assert.True(exit == 2, run.Output);
        Assert.Matches($@"SWEEPCLUSTER_LIBTORCH={System.Text.RegularExpressions.Regex.Escape(lib)}: the libtorch there lacks the symbol _Z\S+; TorchSharp expects libtorch 2\.10, this folder has 2\.3\.0", run.Output);
        AssertNoStackTrace(run.Output);
        Assert.False(Directory.Exists(Output), "nothing should be written for bad input");
    }

    [Fact]
    public async Task A_device_list_that_does_not_parse_exits_2_naming_the_option()
    {
        using var worker = NodeProcess.Start("worker", ["worker", "--devices", "gpu:0", "--seeds", "akka.tcp://sweepcluster@127.0.0.1:1"]);

        var exit = await worker.WaitForExitAsync(RunTimeout);

        Assert.True(exit == 2, worker.Output);
        Assert.Contains("--devices: 'gpu:0' is not a device list", worker.Output);
    }

    private static void AssertNoStackTrace(string output) =>
        Assert.DoesNotContain("   at ", output);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
