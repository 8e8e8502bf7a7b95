using System.Diagnostics;
using SweepCluster.Core.Results;
using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using SweepCluster.Reporting;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>
/// Builds the result files of an N-trial random sweep without training anything and times report.html: the trials are
/// the real expansion of <see cref="SweepText"/> (learning rate, lambda, dropout, widths), their metrics made up from
/// the values (the learning rate decides the loss; 2 % fail, 1 % diverge), so the report gets realistic texts, ranks and
/// analysis. The folder then holds sweep.yaml, results.jsonl and every derived file, like a run's; open its report.html
/// in a browser, or give it to <c>leaderboard --importance</c>.
/// </summary>
public static class ReportBenchmark
{
    public const string SweepText = """
        # Written by `sweepcluster bench report`: the trials of this file with made-up metrics (nothing was trained).
        name: report-bench
        method: random
        trials: 10000
        seed: 5
        metric: { name: val_loss, goal: minimize }
        data:
          synthetic: { samples: 1000, features: 12, informative: 4, classes: 3, seed: 7 }
        model: { outputs: 3 }
        training: { epochs: 5, batch_size: 128, learning_rate: 1.0e-3, optimizer: adam, l1_mode: proximal }
        parameters:
          learning_rate: { log_uniform: [1.0e-5, 1.0e-1] }
          lambda:        { log_uniform: [1.0e-6, 1.0e-2] }
          dropout:       { values: [0.0, 0.1, 0.2, 0.3] }
          widths:        { values: [[32], [64, 32], [128, 64, 32], [16, 16]] }
        """;

    public static ReportBenchmarkReport Run(int trials, string folder)
    {
        var sweep = SweepFile.Parse(SweepText, "report-bench.yaml", folder, [$"trials={trials}"]);
        var paths = new SweepOutputPaths(folder);
        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, "sweep.yaml"), sweep.SourceText);
        var entries = sweep.ExpandTrials().Select(Entry).ToList();
        ResultsJournal.Rewrite(paths.ResultsJournal, entries);
        var leaderboard = new Leaderboard(sweep.Metric);
        foreach (var entry in entries)
        {
            leaderboard.TryAdd(entry);
        }
        var rows = leaderboard.Ranked();
        var swept = sweep.Parameters.Select(p => p.Name).ToList();
        new LeaderboardWriter(paths, swept, sweep.Metric.Task).Write(rows);
        var writer = new ReportWriter(paths, sweep.Name, sweep.Metric, swept, sweep.Parameters);
        // The first write pays for the plotting library's start-up and JIT; the second is the one a running sweep repeats.
        var first = Stopwatch.StartNew();
        writer.Write(rows, live: false);
        first.Stop();
        var second = Stopwatch.StartNew();
        writer.Write(rows, live: false);
        second.Stop();
        return new ReportBenchmarkReport(trials, rows.Count(r => r.Rank is not null), new FileInfo(paths.Report).Length, first.Elapsed, second.Elapsed, paths.Report);
    }

    private static LeaderboardEntry Entry(TrialSpec trial)
    {
        double U(ulong stream) => SplitMix64.ToUnit(SplitMix64.Derive(trial.Seed, stream, trial.Index));
        var roll = U(1);
        if (roll < 0.02)
        {
            return LeaderboardEntry.For(trial, new TrialResult(trial.Id, TrialStatus.Failed, "made-up failure", null, [], "bench/worker-0", "bench", "cpu", TrialFailureKind.Transient));
        }
        var diverged = roll < 0.03;
        var rate = Math.Log10(trial.Training.LearningRate);
        var loss = diverged ? double.NaN : 0.35 + 0.12 * (rate + 2.5) * (rate + 2.5) + 0.1 * trial.Dropout + 0.05 * U(2);
        var metrics = new TrialMetrics(loss, diverged ? double.NaN : 1 - loss / 2, loss, 50 * U(3), U(4), 0, [], 12, 1000 + trial.Widths.Sum() * 12, 5, 5, 0.4 + U(5), 25_000);
        var history = Enumerable.Range(1, 5).Select(e => new EpochRecord(e, loss + 0.2 / e, loss + 0.2 / e, 0.8)).ToList();
        return LeaderboardEntry.For(trial, new TrialResult(trial.Id, diverged ? TrialStatus.Diverged : TrialStatus.Completed,
            diverged ? "loss became NaN" : null, metrics, history, $"bench/worker-{trial.Index % 4}", "bench", "cpu"));
    }
}
