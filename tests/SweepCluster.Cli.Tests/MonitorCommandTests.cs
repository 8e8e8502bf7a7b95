using System.Text.Json;
using SweepCluster.Cli.Tests.Support;

namespace SweepCluster.Cli.Tests;

public class MonitorCommandTests
{
    [Fact]
    public void Monitor_json_prints_one_snapshot_in_the_documented_schema()
    {
        // Given the recorded logs of a 2-worker run, when monitored with --json
        var (exitCode, output, error) = CliRunner.Invoke("monitor", TestPaths.RecordedLogs, "--json");

        // Then one JSON object comes out with the counts, the best trial and its parameters, workers and failures
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("monitor-demo", root.GetProperty("sweep_id").GetString());
        Assert.Equal("finished", root.GetProperty("state").GetString());
        Assert.Equal(14, root.GetProperty("total").GetInt64());
        Assert.Equal(13, root.GetProperty("done").GetInt64());
        Assert.Equal(0, root.GetProperty("running").GetInt64());
        Assert.Equal(0, root.GetProperty("queued").GetInt64());
        Assert.Equal(1, root.GetProperty("failed").GetInt64());
        Assert.Equal("val_loss", root.GetProperty("metric").GetProperty("name").GetString());
        Assert.Equal("minimize", root.GetProperty("metric").GetProperty("goal").GetString());
        Assert.Equal(0, root.GetProperty("eta_seconds").GetDouble());
        Assert.Equal(1, root.GetProperty("unreadable_lines").GetInt32());
        Assert.Equal(2, root.GetProperty("files").GetArrayLength());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("started_at").GetString(), out _));

        var best = root.GetProperty("best");
        Assert.Equal("monitor-demo-11", best.GetProperty("trial_id").GetString());
        Assert.Equal(0.4380495071411133, best.GetProperty("value").GetDouble(), 12);
        Assert.Equal("1.315e-02", best.GetProperty("parameters").GetProperty("lambda").GetString());
        Assert.Equal("[16]", best.GetProperty("parameters").GetProperty("widths").GetString());

        var workers = root.GetProperty("workers").EnumerateArray().ToList();
        Assert.Equal(2, workers.Count);
        foreach (var worker in workers)
        {
            Assert.StartsWith("vm/worker-", worker.GetProperty("worker").GetString());
            Assert.Equal(JsonValueKind.Null, worker.GetProperty("trial_id").ValueKind);
            Assert.True(worker.GetProperty("trials_per_minute").GetDouble() > 0);
            Assert.True(worker.GetProperty("samples_per_second").GetDouble() > 0);
        }
        Assert.Equal(14, workers.Sum(w => w.GetProperty("trials_finished").GetInt32()));

        var failures = root.GetProperty("recent_failures").EnumerateArray().ToList();
        Assert.Equal(5, failures.Count);
        var last = failures.First(f => f.GetProperty("kind").GetString() == "failed");
        Assert.Equal("monitor-demo-12", last.GetProperty("trial_id").GetString());
        Assert.Equal(3, last.GetProperty("attempt").GetInt32());
        Assert.Equal(3, last.GetProperty("max_attempts").GetInt32());
        Assert.True(last.GetProperty("final").GetBoolean());
        Assert.Contains("CUDA", last.GetProperty("reason").GetString());
        Assert.Equal(2, failures.Count(f => f.GetProperty("kind").GetString() == "diverged"));

        // importance: every parameter the result events name, most important first, shares summing to 1
        var importance = root.GetProperty("importance").EnumerateArray().ToList();
        Assert.Equal(["device", "lambda", "learning_rate", "widths"], importance.Select(p => p.GetProperty("parameter").GetString()).Order());
        var shares = importance.Select(p => p.GetProperty("importance").GetDouble()).ToList();
        Assert.Equal(shares.OrderDescending(), shares);
        Assert.Equal(1.0, shares.Sum(), 9);
        Assert.Equal("lambda", importance[0].GetProperty("parameter").GetString());
    }

    [Fact]
    public void Monitor_without_json_prints_a_readable_report()
    {
        var (exitCode, output, _) = CliRunner.Invoke("monitor", TestPaths.RecordedLogs);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("trials: 13 done, 0 running, 0 queued, 1 failed, of 14", output);
        Assert.Contains("best: monitor-demo-11 val_loss=0.43805", output);
        Assert.Contains("lambda=1.315e-02, widths=[16]", output);
        Assert.Contains("failed (attempt 3/3, final)", output);
        Assert.Contains("1 unreadable log line(s) skipped", output);
    }

    [Fact]
    public void Monitor_of_a_missing_path_exits_two()
    {
        var (exitCode, _, error) = CliRunner.Invoke("monitor", "/no/such/logs");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("not found", error);
    }
}
