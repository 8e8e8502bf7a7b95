using System.Globalization;
using System.Net;
using SweepCluster.Core.Results;

namespace SweepCluster.Reporting;

/// <summary>
/// The report's input-survival section: for each input, how many of the sweep's top <see cref="TopTrials"/> ranked trials
/// keep it (an outgoing weight above the sparsity threshold, as <c>active_input_names</c> lists them), drawn as one bar per
/// input, most often kept first. It answers what group L1 on the inputs is for: which inputs matter. The inputs are those
/// any ranked trial kept (so an input no top trial keeps shows as 0), in data order within equal counts. Plain HTML bars
/// (inline styles), so it needs nothing of the page around it; absent when no ranked trial names its inputs (results from
/// before the names were recorded).
/// </summary>
internal static class InputSurvival
{
    public const int TopTrials = 10;

    /// <summary>Bars drawn at most; the rest are summed up in one line.</summary>
    public const int MaxBars = 60;

    public static void Write(TextWriter html, IReadOnlyList<RankedEntry> rows)
    {
        var named = rows.Where(r => r.Rank is not null && r.Entry.Result.Metrics?.ActiveInputNames is not null).ToList();
        if (named.Count == 0)
        {
            return;
        }
        var top = named.Take(TopTrials).ToList();
        var inputs = Inputs(named).ToList();
        var counts = inputs.ToDictionary(name => name, _ => 0, StringComparer.Ordinal);
        foreach (var row in top)
        {
            foreach (var name in row.Entry.Result.Metrics!.ActiveInputNames!)
            {
                counts[name]++;
            }
        }
        var bars = inputs.Select((name, order) => (Name: name, Count: counts[name], Order: order))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Order).ToList();
        html.Write("<section id=\"input-survival\">\n<h2>Input survival</h2>\n");
        html.Write(Invariant($"<p class=\"meta\">How many of the top {top.Count} trials keep each input (a weight leaving it above the sparsity threshold); "));
        html.Write(Invariant($"{bars.Count(b => b.Count == top.Count)} of {bars.Count} inputs are kept by all of them, {bars.Count(b => b.Count == 0)} by none.</p>\n"));
        html.Write("<table class=\"survival\" style=\"border-collapse: collapse; font-size: 0.85rem;\">\n");
        foreach (var bar in bars.Take(MaxBars))
        {
            var width = 100.0 * bar.Count / top.Count;
            html.Write(Invariant($"<tr data-input=\"{Encode(bar.Name)}\" data-kept=\"{bar.Count}\"><td style=\"text-align: right; padding: 0 0.5rem;\">{Encode(bar.Name)}</td>"));
            html.Write(Invariant($"<td style=\"width: 320px;\"><div style=\"width: {width:0.#}%; height: 0.9rem; background: #1f77b4;\"></div></td>"));
            html.Write(Invariant($"<td style=\"padding: 0 0.5rem;\">{bar.Count}/{top.Count}</td></tr>\n"));
        }
        html.Write("</table>\n");
        if (bars.Count > MaxBars)
        {
            var rest = bars.Skip(MaxBars).ToList();
            html.Write(Invariant($"<p class=\"meta\">{rest.Count} more inputs, each kept by at most {rest.Max(b => b.Count)} of them, are not drawn.</p>\n"));
        }
        html.Write("</section>\n");
    }

    /// <summary>Every input a ranked trial kept, in data order: the names of the trial that kept the most, then any others as they first appear.</summary>
    private static IEnumerable<string> Inputs(IReadOnlyList<RankedEntry> named)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in named.OrderByDescending(r => r.Entry.Result.Metrics!.ActiveInputNames!.Count))
        {
            foreach (var name in row.Entry.Result.Metrics!.ActiveInputNames!)
            {
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
