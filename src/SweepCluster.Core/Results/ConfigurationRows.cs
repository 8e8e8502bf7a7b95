namespace SweepCluster.Core.Results;

/// <summary>
/// The leaderboard of a sweep with <c>repeats</c> above 1: one row per configuration (trials <c>c·N … c·N + N − 1</c>),
/// ranked by the means of its repeats that gave a rankable result, with their spreads in <see cref="RankedEntry.Repeats"/>.
/// A configuration none of whose recorded repeats is rankable follows unranked, with its first repeat's status and reason.
/// </summary>
public static class ConfigurationRows
{
    public static IReadOnlyList<RankedEntry> Rank(IEnumerable<LeaderboardEntry> trials, LeaderboardRanking ranking, int repeats)
    {
        var rows = trials
            .GroupBy(entry => entry.Index / repeats)
            .Select(group => Row(group.OrderBy(entry => entry.Index).ToList(), repeats))
            .ToList();
        var byEntry = rows.ToDictionary(row => row.Entry, row => row.Summary, (IEqualityComparer<LeaderboardEntry>)ReferenceEqualityComparer.Instance);
        return LeaderboardRanking.Number(rows.Select(row => row.Entry).Order(ranking))
            .Select(row => row with { Repeats = byEntry[row.Entry] })
            .ToList();
    }

    /// <summary><c>name-c</c> of the trial ids <c>name-c-rK</c> of configuration c's repeats.</summary>
    public static string ConfigurationId(string trialId)
    {
        var cut = trialId.LastIndexOf("-r", StringComparison.Ordinal);
        return cut > 0 ? trialId[..cut] : trialId;
    }

    private static (LeaderboardEntry Entry, RepeatSummary Summary) Row(List<LeaderboardEntry> repeatsOf, int repeats)
    {
        var first = repeatsOf[0];
        var ranked = repeatsOf.Where(LeaderboardRanking.IsRankable).Select(entry => entry.Result.Metrics!).ToList();
        var summary = RepeatSummary.Of(repeatsOf.Count, ranked);
        var index = first.Index / repeats * repeats;
        var id = ConfigurationId(first.TrialId);
        if (ranked.Count == 0)
        {
            var failed = first.Result with { TrialId = id, Metrics = null, History = [], Model = null };
            return (new LeaderboardEntry(index, first.SweptValues, failed), summary);
        }
        var result = new TrialResult(id, TrialStatus.Completed, Reason(repeatsOf), Means(ranked), []);
        return (new LeaderboardEntry(index, first.SweptValues, result), summary);
    }

    /// <summary>Says which repeats gave no rankable result, when some did not.</summary>
    private static string? Reason(List<LeaderboardEntry> repeatsOf)
    {
        var unranked = repeatsOf.Where(entry => !LeaderboardRanking.IsRankable(entry)).ToList();
        return unranked.Count == 0
            ? null
            : $"{unranked.Count} of {repeatsOf.Count} repeats left out: " + string.Join("; ", unranked.Select(entry =>
                $"{entry.TrialId} {LeaderboardColumns.StatusText(entry.Result.Status)}{(entry.Result.Reason is { } why ? $" ({why})" : "")}"));
    }

    /// <summary>
    /// The means as a trial's metrics, for the ranking and the report: counts are rounded to the nearest whole number here
    /// (the leaderboard files take the exact means from the summary, which averages the same values the same way); the
    /// per-layer sparsity is averaged layer by layer; the active inputs' names are those every rankable repeat kept.
    /// Each metric is read from its property, not looked up by name, so that no list of metric names lives here.
    /// </summary>
    private static TrialMetrics Means(List<TrialMetrics> ranked)
    {
        double Mean(Func<TrialMetrics, double> value) => MetricSpread.Of([.. ranked.Select(value)]).Mean;
        // A classification row has no regression metrics and the reverse: a metric its repeats lack stays null.
        double? MeanOrNull(Func<TrialMetrics, double?> value)
        {
            var mean = Mean(m => value(m) ?? double.NaN);
            return double.IsNaN(mean) ? null : mean;
        }
        int Whole(Func<TrialMetrics, double> value) => (int)Math.Round(Mean(value), MidpointRounding.AwayFromZero);
        var layers = ranked[0].LayerSparsity.Count;
        var layerSparsity = ranked.All(m => m.LayerSparsity.Count == layers)
            ? Enumerable.Range(0, layers).Select(i => ranked.Average(m => m.LayerSparsity[i])).ToList()
            : [];
        var names = ranked.All(m => m.ActiveInputNames is not null)
            ? ranked.Skip(1).Aggregate((IEnumerable<string>)ranked[0].ActiveInputNames!, (kept, m) => kept.Intersect(m.ActiveInputNames!)).ToList()
            : null;
        return new TrialMetrics(
            ValLoss: Mean(m => m.ValLoss),
            ValAccuracy: MeanOrNull(m => m.ValAccuracy),
            TrainLoss: Mean(m => m.TrainLoss),
            L1Norm: Mean(m => m.L1Norm),
            Sparsity: Mean(m => m.Sparsity),
            ExactZeroFraction: Mean(m => m.ExactZeroFraction),
            LayerSparsity: layerSparsity,
            ActiveInputs: Whole(m => m.ActiveInputs),
            Parameters: (long)Math.Round(Mean(m => m.Parameters), MidpointRounding.AwayFromZero),
            EpochsRun: Whole(m => m.EpochsRun),
            BestEpoch: Whole(m => m.BestEpoch),
            Seconds: Mean(m => m.Seconds),
            SamplesPerSecond: Mean(m => m.SamplesPerSecond),
            ActiveInputNames: names,
            ValRmse: MeanOrNull(m => m.ValRmse),
            ValMae: MeanOrNull(m => m.ValMae),
            ValR2: MeanOrNull(m => m.ValR2));
    }
}
