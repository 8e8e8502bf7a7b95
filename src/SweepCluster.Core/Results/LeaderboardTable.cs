using System.Text;

namespace SweepCluster.Core.Results;

/// <summary>Text renderings of a leaderboard: the Markdown file and the console's top-N table.</summary>
public static class LeaderboardTable
{
    // Where a trial ran and why it did not complete are for the files; the console keeps to the ranking.
    private static readonly string[] ConsoleOmits = ["worker", "device", "node", "failure", "reason"];

    public static string Markdown(IReadOnlyList<RankedEntry> rows, LeaderboardColumns columns)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        WriteMarkdown(text, rows, columns);
        return text.ToString();
    }

    /// <summary>The Markdown table row by row (leaderboard.md streams it: a whole-file string at 10⁵ rows is tens of MB).</summary>
    public static void WriteMarkdown(TextWriter text, IReadOnlyList<RankedEntry> rows, LeaderboardColumns columns) =>
        WriteMarkdown(text, rows, columns.Names, columns.Cells);

    /// <summary>As above, with any columns (<see cref="RepeatColumns"/> for a sweep with repeats).</summary>
    public static void WriteMarkdown(TextWriter text, IReadOnlyList<RankedEntry> rows, IReadOnlyList<string> names, Func<RankedEntry, IReadOnlyList<string>> cells)
    {
        text.Write("| " + string.Join(" | ", names) + " |\n");
        text.Write("|" + string.Join('|', names.Select(_ => " --- ")) + "|\n");
        foreach (var row in rows)
        {
            text.Write("| " + string.Join(" | ", cells(row).Select(cell => cell.Replace("|", "\\|"))) + " |\n");
        }
    }

    /// <summary>
    /// The first <paramref name="top"/> rows as a plain-text table with aligned columns; with <paramref name="repeats"/> above
    /// 1, configuration rows (<see cref="RepeatColumns"/>, ranked by <paramref name="rankingMetric"/>); with
    /// <paramref name="objectives"/> above 1, with pareto_rank and crowding after rank (<see cref="ParetoColumns"/>).
    /// </summary>
    public static string Console(IReadOnlyList<RankedEntry> rows, IReadOnlyList<string> sweptParameters, int top = 10,
        Sweeps.SweepTask task = Sweeps.SweepTask.Classification, int repeats = 1, string rankingMetric = MetricTable.Default, int objectives = 1)
    {
        IReadOnlyList<string> names;
        Func<RankedEntry, IReadOnlyList<string>> cellsOf;
        if (repeats > 1)
        {
            var repeated = new RepeatColumns(sweptParameters, rankingMetric, task);
            (names, cellsOf) = (repeated.Names, repeated.Cells);
        }
        else
        {
            var single = new LeaderboardColumns(sweptParameters, task);
            (names, cellsOf) = (single.Names, single.Cells);
        }
        if (objectives > 1)
        {
            (names, cellsOf) = (ParetoColumns.Names(names), ParetoColumns.Cells(cellsOf));
        }
        var keep = Enumerable.Range(0, names.Count).Where(i => !ConsoleOmits.Contains(names[i])).ToArray();
        var lines = new List<string[]> { keep.Select(i => names[i]).ToArray() };
        lines.AddRange(rows.Take(Math.Max(0, top)).Select(row =>
        {
            var cells = cellsOf(row);
            return keep.Select(i => cells[i]).ToArray();
        }));
        var widths = keep.Select((_, c) => lines.Max(line => line[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendJoin("  ", line.Select((cell, c) => cell.PadRight(widths[c])));
            TrimEnd(text);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }
}
