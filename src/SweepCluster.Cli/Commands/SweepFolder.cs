using System.Globalization;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// A sweep's output folder as <c>run</c> and <c>coordinator</c> find it before they start: whether it holds another
/// definition of the sweep (refused: exit 2, nothing changed), what its results.jsonl keeps for a resume, and, for
/// <c>--fresh</c>, moving it aside. The journal in the folder checks the definition too (its hash); this check comes
/// first so that the refusal names the folder and what differs, before anything is opened.
/// </summary>
public static class SweepFolder
{
    public const string DefinitionFile = "sweep.yaml";
    /// <summary>The journals a sweep folder may hold: <c>run</c>'s file journal, the coordinator's SQLite one.</summary>
    public static readonly string[] JournalFiles = [JournalOptions.FileName, "journal.db"];

    /// <summary>
    /// Why <paramref name="outputDirectory"/> cannot take <paramref name="sweep"/>: it holds results or a journal of
    /// another definition (its sweep.yaml hashes otherwise). Null when the folder is new, empty or of this definition.
    /// </summary>
    public static string? ChangedDefinition(SweepDefinition sweep, string outputDirectory, bool offerFresh)
    {
        var earlier = Path.Combine(outputDirectory, DefinitionFile);
        if (!File.Exists(earlier) || !HoldsResults(outputDirectory))
        {
            return null;
        }
        var before = File.ReadAllText(earlier);
        if (SweepDefinitionHash.Of(before) == SweepDefinitionHash.Of(sweep.SourceText))
        {
            return null;
        }
        var differences = DefinitionDiff.Between(before, sweep.SourceText);
        var what = differences.Count == 0
            ? "  (the same settings written differently: comments or layout)"
            : string.Join(Environment.NewLine, differences.Select(d => "  " + d));
        var ways = offerFresh
            ? $"Nothing was changed. To keep those results, give another --out; to start over here, add --fresh "
              + $"(the old folder is moved aside to {outputDirectory}.replaced-<time>, never deleted)."
            : "Nothing was changed. Resume with the same sweep file and --set options, or give another --out.";
        return $"{outputDirectory} holds results of another definition of sweep '{sweep.Name}' ({earlier}); this one differs in:"
            + Environment.NewLine + what + Environment.NewLine + ways;
    }

    /// <summary>
    /// Reads what results.jsonl keeps (trials of this sweep, each once), cutting off a torn last line. A bad line before
    /// the last throws <see cref="InvalidDataException"/> naming the file and line, and changes nothing.
    /// </summary>
    public static KeptResults Keep(string outputDirectory, long total)
    {
        var path = new SweepOutputPaths(outputDirectory).ResultsJournal;
        if (!File.Exists(path))
        {
            return KeptResults.None(path, total);
        }
        var recovered = ResultsJournal.Recover(path);
        var kept = recovered.Entries.Select(e => e.Index).Where(i => i >= 0 && i < total).Distinct().LongCount();
        return new KeptResults(path, kept, total, recovered.TornLine);
    }

    /// <summary>
    /// <c>--fresh</c>: renames the folder to <c>DIR.replaced-&lt;UTC time&gt;</c> (never deletes it) and returns the new
    /// name; null when there is no folder.
    /// </summary>
    public static string? MoveAside(string outputDirectory, DateTimeOffset now)
    {
        if (!Directory.Exists(outputDirectory))
        {
            return null;
        }
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{outputDirectory.TrimEnd(Path.DirectorySeparatorChar)}.replaced-{stamp}";
        // Two --fresh runs within a second must not collide.
        for (var n = 2; Directory.Exists(target) || File.Exists(target); n++)
        {
            target = $"{outputDirectory.TrimEnd(Path.DirectorySeparatorChar)}.replaced-{stamp}-{n}";
        }
        Directory.Move(outputDirectory, target);
        return target;
    }

    private static bool HoldsResults(string outputDirectory) =>
        File.Exists(new SweepOutputPaths(outputDirectory).ResultsJournal) || JournalFiles.Any(journal => File.Exists(Path.Combine(outputDirectory, journal)));
}
