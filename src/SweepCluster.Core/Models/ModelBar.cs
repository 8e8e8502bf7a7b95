using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Models;

/// <summary>
/// What the coordinator knows of the top K results so far: their ranking losses. It asks for a model with every
/// assignment while fewer than K are known, and afterwards only for one that can beat the K-th. Not journaled: after a
/// restart it starts empty and asks for every model until it has seen K results again, which costs traffic, never a model.
/// </summary>
public sealed class ModelBar(MetricSpec metric, int keep)
{
    private readonly List<double> best = [];

    /// <summary>The request to send with the next assignment; null when no model is kept (<c>--keep-models 0</c>).</summary>
    public ModelRequest? Request => keep <= 0 ? null : new ModelRequest(metric, best.Count < keep ? null : best[^1]);

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
