using System.Text.Json;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Results;

public sealed class LeaderboardFilesTests : IDisposable
{
    private readonly SweepOutputPaths paths = new(Path.Combine(Path.GetTempPath(), $"sweepcluster-core-{Guid.NewGuid():N}"));
    private readonly string[] swept = ["lambda", "widths"];

    [Fact]
    public void Leaderboard_files_hold_every_column_in_rank_order()
    {
        // given a ranked leaderboard with a completed and a failed trial
        var rows = new LeaderboardRanking(MetricSpec.Default).Rank([Entries.Ended(1, TrialStatus.Failed, "boom, twice", TrialFailureKind.Transient), Entries.Completed(0, 0.25)]);

        // when written
        new LeaderboardWriter(paths, swept).Write(rows);

        // then the CSV, Markdown and JSON agree, with snake_case fields and swept parameters as columns
        var csv = File.ReadAllLines(paths.LeaderboardCsv);
        Assert.Equal("rank,trial_id,lambda,widths,status,val_loss,val_accuracy,train_loss,sparsity,exact_zero_fraction,layer_sparsity,"
            + "active_inputs,active_input_names,active_neurons,l1_norm,parameters,epochs_run,best_epoch,seconds,samples_per_second,worker,device,node,failure,reason", csv[0]);
        Assert.Equal("1,s-0,1,\"[8, 4]\",completed,0.25,0.5,0.25,0.5,0.1,[0.5],4,\"[\"\"x0\"\", \"\"x3\"\", \"\"x5\"\", \"\"x6\"\"]\",\"[8, 3]\",2.5,100,3,2,1.25,100,w0,cuda:1,node-a,,", csv[1]);
        Assert.Equal(",s-1,,,failed" + new string(',', 16) + "w1,cpu,node-b,transient,\"boom, twice\"", csv[2]);
        using var json = JsonDocument.Parse(File.ReadAllText(paths.LeaderboardJson));
        var first = json.RootElement[0];
        Assert.Equal((1, "s-0", 0.25), (first.GetProperty("rank").GetInt32(), first.GetProperty("trial_id").GetString(), first.GetProperty("val_loss").GetDouble()));
        Assert.Equal([8, 4], first.GetProperty("widths").EnumerateArray().Select(w => w.GetInt32()));
        Assert.Equal("cuda:1", first.GetProperty("device").GetString());
        Assert.Equal(["x0", "x3", "x5", "x6"], first.GetProperty("active_input_names").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal([8, 3], first.GetProperty("active_neurons").EnumerateArray().Select(n => n.GetInt32()));
        Assert.Equal(JsonValueKind.Null, json.RootElement[1].GetProperty("active_input_names").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement[1].GetProperty("rank").ValueKind);
        Assert.Equal(((string?)null, "transient"), (first.GetProperty("failure").GetString(), json.RootElement[1].GetProperty("failure").GetString()));
        Assert.Equal(4, File.ReadAllLines(paths.LeaderboardMarkdown).Length);
        Assert.DoesNotContain(Directory.GetFiles(paths.Directory), f => f.EndsWith(".tmp"));
    }

    [Fact]
    public async Task Reader_never_sees_an_invalid_leaderboard_while_it_is_rewritten()
    {
        // given a writer rewriting leaderboard.json at least 150 times with a growing leaderboard
        var board = new Leaderboard(MetricSpec.Default);
        var writer = new LeaderboardWriter(paths, swept);
        writer.Write(board.Ranked());
        using var done = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                // when a reader parses it in a loop meanwhile: then every read is valid JSON (Parse throws otherwise)
                using var json = JsonDocument.Parse(File.ReadAllText(paths.LeaderboardJson));
                Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
                Interlocked.Increment(ref reads);
            }
        });
        // (it keeps writing until the reader has overlapped it a good number of times)
        for (var i = 0; i < 150 || (Volatile.Read(ref reads) < 50 && i < 20_000); i++)
        {
            board.TryAdd(Entries.Completed(i, 1.0 / (i + 1)));
            writer.Write(board.Ranked());
        }
        await done.CancelAsync();
        await reader;
        Assert.True(reads >= 50, $"{reads} reads");
    }

    [Fact]
    public void Journal_reads_back_every_entry_and_tolerates_a_torn_last_line()
    {
        // given a journal of a completed and a diverged trial, then half a line
        var diverged = Entries.Ended(1, TrialStatus.Diverged, "val_loss is NaN");
        using (var journal = ResultsJournal.Create(paths.ResultsJournal))
        {
            journal.Write(Entries.Completed(0, double.NaN));
            journal.Write(diverged);
        }
        File.AppendAllText(paths.ResultsJournal, "{\"index\":2,\"swept_val");

        // when read back
        var entries = ResultsJournal.Read(paths.ResultsJournal);

        // then both entries are there in full (history, status, swept values, NaN) and the torn line is dropped
        Assert.Equal(2, entries.Count);
        Assert.True(double.IsNaN(entries[0].Result.Metrics!.ValLoss));
        Assert.Equal("[8, 4]", entries[0].SweptText("widths"));
        Assert.Single(entries[0].Result.History);
        Assert.Equal((TrialStatus.Diverged, "val_loss is NaN", "w1"), (entries[1].Result.Status, entries[1].Result.Reason, entries[1].Result.Worker));
    }

    [Fact]
    public void Journal_keeps_the_failure_kind_and_reads_lines_written_before_kinds()
    {
        // given a journal with a deterministic failure, then a failed line from before failures had kinds
        using (var journal = ResultsJournal.Create(paths.ResultsJournal))
        {
            journal.Write(Entries.Ended(0, TrialStatus.Failed, "model.outputs=2 but the data has 3 classes", TrialFailureKind.Deterministic));
        }
        File.AppendAllText(paths.ResultsJournal,
            "{\"index\":1,\"swept_values\":[],\"result\":{\"trial_id\":\"s-1\",\"status\":\"failed\",\"reason\":\"boom\",\"metrics\":null,\"history\":[],\"worker\":\"w1\",\"node\":\"n\",\"device\":\"cpu\"}}\n");

        // when read back
        var entries = ResultsJournal.Read(paths.ResultsJournal);

        // then the kind is written snake_case and read back, and the old line reads with no kind
        Assert.Contains("\"failure_kind\":\"deterministic\"", File.ReadAllLines(paths.ResultsJournal)[0]);
        Assert.Equal(TrialFailureKind.Deterministic, entries[0].Result.FailureKind);
        Assert.Equal((TrialStatus.Failed, "boom", (TrialFailureKind?)null), (entries[1].Result.Status, entries[1].Result.Reason, entries[1].Result.FailureKind));
    }

    [Fact]
    public void Journal_keeps_the_kept_inputs_and_neurons_and_reads_lines_written_before_them()
    {
        // given a journal with a trial whose last epoch was a refit epoch, then a completed line from before inputs were named
        var refitted = Entries.Completed(0, 0.25);
        refitted = refitted with { Result = refitted.Result with { History = [new EpochRecord(1, 0.3, 0.3, 0.5), new EpochRecord(2, 0.25, 0.25, 0.5, Refit: true)] } };
        using (var journal = ResultsJournal.Create(paths.ResultsJournal))
        {
            journal.Write(refitted);
        }
        File.AppendAllText(paths.ResultsJournal,
            "{\"index\":1,\"swept_values\":[],\"result\":{\"trial_id\":\"s-1\",\"status\":\"completed\",\"reason\":null,\"metrics\":{\"val_loss\":0.5,"
            + "\"val_accuracy\":0.5,\"train_loss\":0.5,\"l1_norm\":1,\"sparsity\":0.5,\"exact_zero_fraction\":0,\"layer_sparsity\":[0.5],\"active_inputs\":3,"
            + "\"parameters\":10,\"epochs_run\":1,\"best_epoch\":1,\"seconds\":1,\"samples_per_second\":1},"
            + "\"history\":[{\"epoch\":1,\"train_loss\":0.5,\"val_loss\":0.5,\"val_accuracy\":0.5}],\"worker\":\"w1\",\"node\":\"n\",\"device\":\"cpu\"}}\n");

        // when read back
        var entries = ResultsJournal.Read(paths.ResultsJournal);

        // then the names, the neurons and the refit epoch come back (refit written only where true), and the old line has none
        var line = File.ReadAllLines(paths.ResultsJournal)[0];
        Assert.Contains("\"active_input_names\":[\"x0\",\"x3\",\"x5\",\"x6\"],\"active_neurons\":[8,3]", line);
        Assert.Contains("\"val_accuracy\":0.5,\"refit\":true}", line);
        Assert.Equal(1, line.Split("\"refit\"").Length - 1);
        Assert.Equal(["x0", "x3", "x5", "x6"], entries[0].Result.Metrics!.ActiveInputNames);
        Assert.Equal([8, 3], entries[0].Result.Metrics!.ActiveNeurons);
        Assert.Equal([false, true], entries[0].Result.History.Select(h => h.Refit));
        Assert.Equal(3, entries[1].Result.Metrics!.ActiveInputs);
        Assert.Null(entries[1].Result.Metrics!.ActiveInputNames);
        Assert.Null(entries[1].Result.Metrics!.ActiveNeurons);
        Assert.False(Assert.Single(entries[1].Result.History).Refit);
    }

    [Fact]
    public void Journal_with_a_bad_line_in_the_middle_is_an_error()
    {
        Directory.CreateDirectory(paths.Directory);
        File.WriteAllText(paths.ResultsJournal, "not json\n{}\n");
        Assert.Throws<InvalidDataException>(() => ResultsJournal.Read(paths.ResultsJournal));
    }

    [Fact]
    public void Console_table_shows_the_top_rows_aligned()
    {
        var rows = new LeaderboardRanking(MetricSpec.Default).Rank([Entries.Completed(0, 0.3), Entries.Completed(1, 0.1), Entries.Completed(2, 0.2)]);
        var lines = LeaderboardTable.Console(rows, swept, top: 2).TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("rank  trial_id  lambda  widths", lines[0]);
        Assert.Contains("active_inputs  active_input_names  active_neurons", lines[0]);
        Assert.Contains("x0, x3, x5, x6", lines[1]);
        Assert.StartsWith("1     s-1", lines[1]);
        Assert.DoesNotContain("worker", lines[0]);
    }

    public void Dispose()
    {
        if (Directory.Exists(paths.Directory))
        {
            Directory.Delete(paths.Directory, recursive: true);
        }
    }
}
