using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cli.Commands;

/// <summary>A plain-text table of a sweep's first trials: id, then one column per swept parameter.</summary>
internal static class TrialTable
{
    public static void Write(SweepDefinition sweep, int rows, TextWriter output)
    {
        var trials = sweep.ExpandTrials().Take(rows).ToList();
        List<string> header = ["trial", .. sweep.Parameters.Select(p => p.Name)];
        var cells = trials.Select(t => (List<string>)[t.Id, .. t.SweptValues.Select(v => v.Text)]).ToList();
        var widths = header.Select((h, i) => cells.Select(row => row[i].Length).Prepend(h.Length).Max()).ToList();
        output.WriteLine($"first {trials.Count} of {sweep.CountTrials()} trials:");
        output.WriteLine(Line(header, widths));
        output.WriteLine(Line([.. widths.Select(w => new string('-', w))], widths));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, IReadOnlyList<int> widths) =>
        "  " + string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
