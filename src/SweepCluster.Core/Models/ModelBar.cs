using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Models;

/// <summary>
/// What the coordinator knows of the top K results so far: their ranking losses. It asks for a model with every
/// assignment while fewer than K are known, and afterwards only for one that can beat the K-th. Not journaled: after a
/// restart it starts empty and asks for every model until it has seen K results again, which costs traffic, never a model.
/// With more than one objective it asks for every model: a trial with a poor first objective may be on the Pareto front,
/// whose members the shelf keeps first, and only the whole front (which the results actor holds) can tell.
/// </summary>
public sealed class ModelBar(MetricSpec metric, int keep, int objectives = 1)
{
    private readonly List<double> best = [];

    /// <summary>The request to send with the next assignment; null when no model is kept (<c>--keep-models 0</c>).</summary>
    public ModelRequest? Request => keep <= 0 ? null : new ModelRequest(metric, objectives > 1 || best.Count < keep ? null : best[^1]);

    public void Observe(TrialResult result)
    {
        if (keep <= 0 || ModelRequest.RankingLoss(result, metric) is not { } loss)
        {
            return;
        }
        var at = best.BinarySearch(loss);
        best.Insert(at < 0 ? ~at : at, loss);
        if (best.Count > keep)
        {
            best.RemoveAt(best.Count - 1);
        }
    }
}
