using System.Globalization;

namespace SweepCluster.Core.Results;

/// <summary>
/// The two columns a leaderboard of several objectives adds right after <c>rank</c>: <c>pareto_rank</c> (the row's front,
/// 1 = non-dominated) and <c>crowding</c> (its crowding distance in that front). Both are empty (null in JSON) for a row
/// without a front. An infinite crowding distance (a front's boundary row) is written <c>inf</c> in every format, in
/// leaderboard.json as the string <c>"inf"</c> (JSON has no infinity); finite ones are numbers. Wraps the names and
/// cells of any leaderboard rendering (one row per trial, or per configuration with repeats).
/// </summary>
public static class ParetoColumns
{
    public const string Infinite = "inf";

    public static IReadOnlyList<string> Names(IReadOnlyList<string> names) => Insert(names, "pareto_rank", "crowding");

    /// <summary>Text cells for reading (Markdown, console): crowding rounded as the metrics are.</summary>
    public static Func<RankedEntry, IReadOnlyList<string>> Cells(Func<RankedEntry, IReadOnlyList<string>> cells) =>
        row => Insert(cells(row),
            row.Pareto?.Front.ToString(CultureInfo.InvariantCulture) ?? "",
            row.Pareto is { } place ? CrowdingText(place.Crowding, "F4") : "");

    /// <summary>Typed values for the data files (CSV, JSON): the front as an integer, crowding at full precision.</summary>
    public static Func<RankedEntry, IReadOnlyList<object?>> Values(Func<RankedEntry, IReadOnlyList<object?>> values) =>
        row => Insert(values(row),
            row.Pareto is { } front ? (long)front.Front : null,
            row.Pareto is { } place ? (double.IsPositiveInfinity(place.Crowding) ? Infinite : place.Crowding) : null);

    private static string CrowdingText(double crowding, string format) =>
        double.IsPositiveInfinity(crowding) ? Infinite : crowding.ToString(format, CultureInfo.InvariantCulture);

    // Right after rank, which every rendering has first.
    private static IReadOnlyList<T> Insert<T>(IReadOnlyList<T> items, T front, T crowding) => [items[0], front, crowding, .. items.Skip(1)];
}
