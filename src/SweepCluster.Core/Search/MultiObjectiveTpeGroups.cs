using SweepCluster.Core.Pareto;

namespace SweepCluster.Core.Search;

/// <summary>
/// TPE's good and bad groups with several objectives (multi-objective TPE), following Optuna 5.0's TPESampler
/// (<c>_split_complete_trials_multi_objective</c> in optuna/samplers/_tpe/sampler.py, as of v5.0.0-rc1; read at
/// commit 1d8ce7b):
/// <list type="bullet">
/// <item>The good group has as many trials as with one objective (<see cref="TpeGroups.GoodCount"/>). Optuna's
/// multi-objective gamma, ⌈0.1·n⌉, has no cap of 25; ours keeps <see cref="TpeSettings.MaxGood"/>, which changes
/// nothing below 250 finished trials and keeps the good estimator's weights uniform (<see cref="TpeWeights"/> is flat
/// below 25), as Optuna 5.0 weighs its good trials (earlier versions weighed them by hypervolume contribution).</item>
/// <item>It is filled by Pareto front (<see cref="ParetoSorting"/>, over the finished trials' losses, each objective
/// minimised): whole fronts while they fit; the front that would overflow gives the places left by greedy hypervolume
/// subset selection (<see cref="HypervolumeSubsetSelection"/>) against <see cref="ReferencePoint.PastWorst"/> of that
/// front alone, on the raw losses (Optuna does not normalise them either).</item>
/// <item>Everything else is bad, as in <see cref="TpeGroups"/>: the other finished trials, the failed ones (some loss
/// missing or not finite), and the pending ones as the constant liar. A pending trial lied to be the worst seen on every
/// objective would be dominated by (or tie with) every finished trial and never enter the good group; like Optuna's
/// constant liar it goes straight to the bad one, and like Optuna it does not count in n.</item>
/// </list>
/// Both groups are in trial order, and the sort and the selection break ties by index and by value, so the same
/// history gives the same groups whatever order its results came in.
/// </summary>
internal static class MultiObjectiveTpeGroups
{
    public static TpeGroups Split(SearchHistory history, TpeSettings settings)
    {
        var observations = history.Observations;
        var finished = observations.Where(o => o.HasLosses).OrderBy(o => o.Index).ToList();
        var chosen = GoodPositions([.. finished.Select(o => o.Values!)], TpeGroups.GoodCount(finished.Count, settings));
        var good = chosen.Select(position => finished[position].Index).ToHashSet();
        return new TpeGroups(
            [.. observations.Where(o => good.Contains(o.Index)).OrderBy(o => o.Index).Select(o => o.Point)],
            [.. observations.Where(o => !good.Contains(o.Index)).Concat(history.Pending).OrderBy(o => o.Index).Select(o => o.Point)]);
    }

    /// <summary>
    /// The positions of the <paramref name="count"/> good ones among <paramref name="losses"/>: the best fronts whole,
    /// then the overflowing front's share by hypervolume subset selection.
    /// </summary>
    public static IReadOnlyList<int> GoodPositions(IReadOnlyList<IReadOnlyList<double>> losses, int count)
    {
        var fronts = ParetoSorting.Fronts(losses);
        var good = new List<int>(count);
        for (var front = 1; good.Count < count; front++)
        {
            var members = Enumerable.Range(0, losses.Count).Where(i => fronts[i] == front).ToList();
            if (good.Count + members.Count <= count)
            {
                good.AddRange(members);
                continue;
            }
            var last = members.Select(i => losses[i]).ToList();
            var picked = HypervolumeSubsetSelection.Greedy(last, count - good.Count, ReferencePoint.PastWorst(last));
            good.AddRange(picked.Select(p => members[p]));
        }
        return good;
    }
}
