namespace SweepCluster.IntegrationTests;

/// <summary>
/// <c>run</c> keeps what its output folder holds (issue 21): killed or stopped, the same command resumes; a changed
/// definition is refused before any trial; <c>--fresh</c> moves the folder aside; a complete folder finishes at once; a
/// torn last line is dropped. Each test starts the built CLI as real processes. Interruptions wait for a number of
/// results on disk, never for a time.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class RunResumeTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(240);
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-resume-").FullName;
    private readonly RunFolder output;

    public RunResumeTests() => output = new RunFolder(Path.Combine(folder, "out"));

    private static string Sweep(string name) => Path.Combine(CliBinary.RepoRoot, "sweeps", name);

    /// <summary>How many trials <see cref="Long"/> has.</summary>
    private const int LongTrials = 16;

    /// <summary>
    /// 16 quickstart trials of 100 epochs on two CPU slots, one trial at a time on each: about a second each (8.9 s in all on
    /// 2 cores), so that an interruption after 4 results comes mid-sweep with seconds to spare. Packed, or at 10 epochs,
    /// the results land in bursts within a second and a kill after the 4th can come after the last.
    /// </summary>
    private static readonly string[] Long =
        ["run", Sweep("quickstart.yaml"), "--set", $"trials={LongTrials}", "--set", "training.epochs=100", "--devices", "cpu", "--slots-per-device", "2", "--pack-size", "off"];

    /// <summary>4 quickstart trials of 1 epoch: a folder that completes quickly.</summary>
    private static readonly string[] Four = ["run", Sweep("quickstart.yaml"), "--set", "trials=4", "--set", "training.epochs=1", "--devices", "cpu"];

    [Fact]
    public async Task Killed_run_resumes_keeping_every_line_and_starting_no_kept_trial_again()
    {
        // given a run killed with SIGKILL once 4 results are on disk
        using (var first = Start(Long, output))
        {
            await output.WaitForLinesAsync(4, first, RunTimeout);
            first.Kill();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        var before = output.WholeLines();
        var kept = RunFolder.ResultsIn(before).Select(r => r.TrialId).ToHashSet();
        Assert.InRange(kept.Count, 4, LongTrials - 1);

        // when the same command runs again
        var restartedAt = DateTimeOffset.UtcNow;
        var rerun = await RunToEndAsync(Long, output, 0);

        // then it said what it kept, the earlier lines are unchanged, no kept trial was handed out again, and each trial is recorded once
        Assert.Contains($"Resuming sweep quickstart: {kept.Count} of {LongTrials} trials kept, {LongTrials - kept.Count} to run", rerun);
        AssertResumed(before, kept, restartedAt, LongTrials);
    }

    [Fact]
    public async Task Sigterm_stops_handing_out_trials_keeps_the_running_ones_and_the_rerun_resumes()
    {
        // given a run sent SIGTERM once 4 results are on disk
        string stopped;
        using (var first = Start(Long, output))
        {
            await output.WaitForLinesAsync(4, first, RunTimeout);
            first.Terminate();
            Assert.True(await first.WaitForExitAsync(RunTimeout) == 143, first.Output);
            stopped = first.Output;
        }

        // then it said how to resume, and recorded whole results only: none interrupted, none partial
        Assert.Contains("run the same command again to resume", stopped);
        var before = File.ReadAllBytes(output.ResultsPath);
        Assert.Equal(before, output.WholeLines());
        var kept = RunFolder.ResultsIn(before).ToList();
        Assert.All(kept, r => Assert.Equal("completed", r.Status));
        Assert.InRange(kept.Count, 4, LongTrials - 1);

        // when the same command runs again, it resumes
        var restartedAt = DateTimeOffset.UtcNow;
        var rerun = await RunToEndAsync(Long, output, 0);
        Assert.Contains($"Resuming sweep quickstart: {kept.Count} of {LongTrials} trials kept, {LongTrials - kept.Count} to run", rerun);
        AssertResumed(before, kept.Select(r => r.TrialId).ToHashSet(), restartedAt, LongTrials);
    }

    [Fact]
    public async Task A_changed_definition_exits_2_naming_the_folder_and_the_difference_and_writes_nothing()
    {
        // given a complete folder of a 1-epoch sweep
        await RunToEndAsync(Four, output, 0);
        var before = output.Snapshot();

        // when the same folder is given a 2-epoch definition
        string[] changed = [.. Four[..^2], "--set", "training.epochs=2", "--devices", "cpu"];
        var refusal = await RunToEndAsync(changed, output, 2);

        // then the message names the folder, what differs and both ways on, and not a byte of the folder changed
        Assert.Contains(output.Path, refusal);
        Assert.Contains("training.epochs 1 → 2", refusal);
        Assert.Contains("--fresh", refusal);
        Assert.Contains("--out", refusal);
        var after = output.Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
    }

    [Fact]
    public async Task Fresh_moves_the_old_folder_aside_and_starts_over()
    {
        // given a complete folder of a 1-epoch sweep
        await RunToEndAsync(Four, output, 0);
        var old = File.ReadAllBytes(output.ResultsPath);

        // when a 2-epoch definition runs there with --fresh
        string[] changed = [.. Four[..^2], "--set", "training.epochs=2", "--devices", "cpu", "--fresh"];
        await RunToEndAsync(changed, output, 0);

        // then the old folder is kept whole under DIR.replaced-<time>, and the new one holds the new sweep's results
        var aside = Assert.Single(Directory.GetDirectories(folder, "out.replaced-*"));
        Assert.Equal(old, File.ReadAllBytes(Path.Combine(aside, "results.jsonl")));
        Assert.Contains("epochs: 1", File.ReadAllText(Path.Combine(aside, "sweep.yaml")));
        var results = output.Results();
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal(2, r.EpochsRun));
    }

    [Fact]
    public async Task A_complete_folder_prints_its_leaderboard_at_once_and_trains_nothing()
    {
        // given a complete folder
        await RunToEndAsync(Four, output, 0);
        var before = File.ReadAllBytes(output.ResultsPath);

        // when the same command runs again
        var restartedAt = DateTimeOffset.UtcNow;
        var rerun = await RunToEndAsync(Four, output, 0);

        // then it keeps all 4, hands out nothing, leaves results.jsonl as it was and prints the leaderboard
        Assert.Contains("Resuming sweep quickstart: 4 of 4 trials kept, 0 to run", rerun);
        Assert.Contains("Ranked by val_loss", rerun);
        Assert.Empty(output.StartedSince(restartedAt));
        Assert.Equal(before, File.ReadAllBytes(output.ResultsPath));
    }

    [Fact]
    public async Task A_torn_last_line_is_dropped_with_a_warning_and_its_trial_runs_again()
    {
        // given a complete folder whose last line was cut in half (a write cut off by a crash)
        await RunToEndAsync(Four, output, 0);
        var bytes = File.ReadAllBytes(output.ResultsPath);
        var thirdEnd = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        File.WriteAllBytes(output.ResultsPath, bytes[..(thirdEnd + (bytes.Length - thirdEnd) / 2)]);
        var torn = RunFolder.ResultsIn(bytes).Last().TrialId;

        // when the same command runs again
        var restartedAt = DateTimeOffset.UtcNow;
        var rerun = await RunToEndAsync(Four, output, 0);

        // then it warned with the file and line, kept the 3 whole lines byte for byte, and ran only the torn trial again
        Assert.Contains($"{output.ResultsPath}:4: torn last line dropped", rerun);
        Assert.Equal(bytes[..thirdEnd], File.ReadAllBytes(output.ResultsPath)[..thirdEnd]);
        Assert.Equal([torn], output.StartedSince(restartedAt));
        Assert.Equal(4, output.Results().Select(r => r.TrialId).Distinct().Count());
        Assert.Equal(4, output.Results().Count);
    }

    [Fact]
    public async Task Tpe_resumed_mid_sweep_suggests_what_an_uninterrupted_run_suggests()
    {
        // given the TPE example cut to 8 trials (3 random start-up trials) on one slot, so that the order of results is fixed
        string[] tpe = ["run", Sweep("tpe-learning-rate.yaml"), "--set", "trials=8", "--set", "tpe.startup_trials=3", "--set", "training.epochs=2",
            "--devices", "cpu", "--slots-per-device", "1", "--pack-size", "off"];

        // when one run goes through and another is killed after 4 results (a TPE trial among them) and run again
        var (whole, resumed) = await RunWholeAndResumedAsync(tpe, 4);

        // then the resumed sweep's trials have the same points, and on CPU the same results
        Assert.Equal(whole.OrderBy(r => r.TrialId), resumed.OrderBy(r => r.TrialId));
    }

    [Fact]
    public async Task Multi_objective_tpe_resumed_mid_sweep_suggests_what_an_uninterrupted_run_suggests()
    {
        // given the two-objective example (val_loss and active_inputs) cut to 8 trials, 3 of them random start-up trials, on one
        // slot, with 10x the rows so that a trial takes a while and the kill comes mid-sweep
        string[] motpe = ["run", Sweep("loss-vs-inputs.yaml"), "--set", "trials=8", "--set", "tpe.startup_trials=3", "--set", "training.epochs=20",
            "--set", "training.refit_epochs=0", "--set", "data.synthetic.samples=20000", "--devices", "cpu", "--slots-per-device", "1", "--pack-size", "off"];

        // when one run goes through and another is killed after 4 results (a multi-objective TPE trial among them) and run again
        var (whole, resumed) = await RunWholeAndResumedAsync(motpe, 4, midSweep: true);

        // then the resumed sweep's trials have the same points, and on CPU the same results: the kept trials' values on both
        // objectives reached the search again
        Assert.Equal(whole.OrderBy(r => r.TrialId), resumed.OrderBy(r => r.TrialId));
    }

    [Fact]
    public async Task Asha_resumed_mid_sweep_stops_the_trials_an_uninterrupted_run_stops()
    {
        // given the ASHA example cut to 9 trials of 9 epochs (rungs at 1 and 3) on one slot
        string[] asha = ["run", Sweep("asha-random.yaml"), "--set", "trials=9", "--set", "training.epochs=9",
            "--devices", "cpu", "--slots-per-device", "1", "--pack-size", "off"];

        // when one run goes through and another is killed after 4 results and run again
        var (whole, resumed) = await RunWholeAndResumedAsync(asha, 4);

        // then every trial stopped (or not) at the same epoch, with the same result
        Assert.Contains(whole, r => r.Status == "stopped_early");
        Assert.Equal(whole.OrderBy(r => r.TrialId), resumed.OrderBy(r => r.TrialId));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a process still closing a file: the OS cleans the temp folder later
        }
    }

    private static NodeProcess Start(string[] arguments, RunFolder into) => NodeProcess.Start("run", [.. arguments, "--out", into.Path]);

    private static async Task<string> RunToEndAsync(string[] arguments, RunFolder into, int expectedExit)
    {
        using var run = Start(arguments, into);
        Assert.True(await run.WaitForExitAsync(RunTimeout) == expectedExit, $"expected exit {expectedExit}:\n{run.Output}");
        return run.Output;
    }

    /// <summary>The results of <paramref name="arguments"/> run through once, and run killed after <paramref name="killAfter"/> results and then again.</summary>
    /// <param name="midSweep">Also require that the rerun had trials left to run (else it would prove nothing about the search).</param>
    private async Task<(IReadOnlyList<RecordedTrial> Whole, IReadOnlyList<RecordedTrial> Resumed)> RunWholeAndResumedAsync(string[] arguments, int killAfter,
        bool midSweep = false)
    {
        var whole = new RunFolder(Path.Combine(folder, "whole"));
        await RunToEndAsync(arguments, whole, 0);
        using (var first = Start(arguments, output))
        {
            await output.WaitForLinesAsync(killAfter, first, RunTimeout);
            first.Kill();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        var rerun = await RunToEndAsync(arguments, output, 0);
        Assert.Contains("Resuming sweep", rerun);
        if (midSweep)
        {
            Assert.DoesNotContain(" 0 to run", rerun);
        }
        return (whole.Results(), output.Results());
    }

    private void AssertResumed(byte[] before, IReadOnlySet<string> kept, DateTimeOffset restartedAt, int total)
    {
        var after = File.ReadAllBytes(output.ResultsPath);
        Assert.True(after.AsSpan().StartsWith(before), "the lines recorded before the interruption changed");
        Assert.Empty(kept.Intersect(output.StartedSince(restartedAt)));
        var ids = output.Results().Select(r => r.TrialId).ToList();
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
    }
}
