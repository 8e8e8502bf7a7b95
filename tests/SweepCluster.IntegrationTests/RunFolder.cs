using System.Text.Json;
using SweepCluster.Core.Monitoring;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// The output folder of a <c>run</c> as the resume tests read it: results.jsonl (its whole lines, byte for byte, and its
/// results), the trials the log says were handed out, and a snapshot of every file. Waits are bounded and say what they
/// waited for.
/// </summary>
internal sealed class RunFolder(string path)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public string Path { get; } = path;

    public string ResultsPath => System.IO.Path.Combine(Path, "results.jsonl");

    /// <summary>results.jsonl up to its last whole line: what a kill at this instant cannot take back.</summary>
    public byte[] WholeLines()
    {
        var bytes = File.Exists(ResultsPath) ? File.ReadAllBytes(ResultsPath) : [];
        return bytes[..(Array.LastIndexOf(bytes, (byte)'\n') + 1)];
    }

    /// <summary>Each result of results.jsonl, in file order: (trial id, status, epochs run, swept values as text, val_loss).</summary>
    public IReadOnlyList<RecordedTrial> Results() => ResultsIn(File.Exists(ResultsPath) ? File.ReadAllBytes(ResultsPath) : []);

    public static IReadOnlyList<RecordedTrial> ResultsIn(byte[] bytes) =>
        [.. System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(RecordedTrial.Parse)];

    /// <summary>The trials the coordinator handed out at or after <paramref name="since"/>, by the log's "started" events.</summary>
    public IReadOnlyList<string> StartedSince(DateTimeOffset since) =>
        [.. ClefEvent.ReadFolder(System.IO.Path.Combine(Path, "logs"))
            .Where(e => e.Template == EventTemplates.TrialStarted && e.Time >= since)
            .Select(e => e.Property("TrialId")!)];

    /// <summary>Every file under the folder with its bytes, by relative path.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(Path, f), File.ReadAllBytes);

    /// <summary>Waits until results.jsonl holds at least <paramref name="count"/> whole lines; fails if the run ends first or the time runs out.</summary>
    public async Task WaitForLinesAsync(int count, NodeProcess run, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (WholeLines().Count(b => b == (byte)'\n') < count)
        {
            if (run.HasExited)
            {
                throw new InvalidOperationException($"{run.Name} exited ({run.ExitCode}) before {count} results were recorded:\n{run.Output}");
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} results were not recorded within {timeout.TotalSeconds:F0} s; {run.Name} printed:\n{run.Output}");
            }
            await Task.Delay(Poll);
        }
    }
}
