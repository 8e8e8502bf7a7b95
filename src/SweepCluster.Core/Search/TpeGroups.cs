namespace SweepCluster.Core.Search;

/// <summary>
/// The two groups TPE models, each in trial order (by index: Optuna keeps "chronological order" by trial number, and it
/// makes the groups independent of the order results arrived or were replayed on resume): the good trials (the best
/// ⌈gamma·n⌉ of the n finished with a loss, at least 1, at most <see cref="TpeSettings.MaxGood"/>; ties by index) and
/// the bad ones: the other finished trials with a loss, the failed ones (no loss, or one that is not finite), and the
/// pending ones (suggested, no result yet) as a constant liar, as if they had the worst loss, so that workers asking
/// at once are sent apart.
/// </summary>
/// <param name="Good">The points of the good trials, by index.</param>
/// <param name="Bad">The points of every other suggested trial, finished or pending, by index.</param>
internal sealed record TpeGroups(IReadOnlyList<double[]> Good, IReadOnlyList<double[]> Bad)
{
    public static TpeGroups Split(SearchHistory history, TpeSettings settings)
    {
        if (history.Objectives > 1)
        {
            return MultiObjectiveTpeGroups.Split(history, settings);
        }
        var observations = history.Observations;
        var ranked = observations.Where(HasLoss).OrderBy(o => o.Loss!.Value).ThenBy(o => o.Index).ToList();
        var good = ranked.Take(GoodCount(ranked.Count, settings)).Select(o => o.Index).ToHashSet();
        return new TpeGroups(
            [.. observations.Where(o => good.Contains(o.Index)).OrderBy(o => o.Index).Select(o => o.Point)],
            [.. observations.Where(o => !good.Contains(o.Index)).Concat(history.Pending).OrderBy(o => o.Index).Select(o => o.Point)]);
    }

    /// <summary>How many of <paramref name="finished"/> trials with a loss form the good group: ⌈gamma·n⌉, at least 1, at most the cap.</summary>
    public static int GoodCount(int finished, TpeSettings settings) =>
        finished == 0 ? 0 : Math.Max(1, Math.Min((int)Math.Ceiling(settings.Gamma * finished), settings.MaxGood));

    /// <summary>A NaN or infinite loss says no more than a failure, so it counts as one.</summary>
    private static bool HasLoss(SearchObservation observation) => observation.Loss is { } loss && double.IsFinite(loss);
}
