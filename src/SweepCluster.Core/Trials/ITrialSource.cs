using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Trials;

/// <summary>
/// A sweep's trials by index, generated on demand: a coordinator hands out trial <c>i</c> without
/// materialising the others, and a resumed sweep regenerates the same trial for the same index.
/// </summary>
public interface ITrialSource
{
    string SweepName { get; }

    long Count { get; }

    MetricSpec Metric { get; }

    /// <summary>
    /// The sweep's objectives, <see cref="Metric"/> first. More than one ranks the leaderboard by Pareto front and makes TPE
    /// multi-objective (the coordinator's <see cref="Search.SearchHistory"/> is built with their count). Default: the metric alone.
    /// </summary>
    IReadOnlyList<MetricSpec> Objectives => [Metric];

    /// <summary>The hypervolume's reference point from the sweep file (one value per objective, in their units), or null.</summary>
    IReadOnlyList<double>? Reference => null;

    /// <summary>Names of the swept parameters in file order: the leaderboard's parameter columns.</summary>
    IReadOnlyList<string> SweptParameters { get; }

    /// <summary>The swept parameters with their domains, where the source has a sweep file (the report's axes and importance read them); else empty.</summary>
    IReadOnlyList<ParameterSpec> ParameterSpecs => [];

    TrialSpec TrialAt(long index);

    /// <summary>
    /// True when trials depend on the results so far (TPE): the coordinator then keeps a <see cref="Search.SearchHistory"/>,
    /// journals each new trial's point before handing it out and restores the points on resume.
    /// </summary>
    bool Adaptive => false;

    /// <summary>How many trials (repeats) each configuration has: trials <c>c·N … c·N + N − 1</c> are configuration <c>c</c>'s.</summary>
    int Repeats => 1;

    /// <summary>The trial at <paramref name="index"/> given what the search has seen: the point the history holds for it, else a new one (recorded there).</summary>
    TrialSpec TrialAt(long index, Search.SearchHistory history) => TrialAt(index);

    /// <summary>The order trials are handed out in and their estimated costs (default: index order, every trial costing 1).</summary>
    Dispatch.DispatchPlan DispatchPlan() => Dispatch.DispatchPlan.Uniform;

    /// <summary>A new early-stopping scheduler for this sweep (each coordinator incarnation replays its own), or null when the sweep has none.</summary>
    Scheduling.ITrialScheduler? NewScheduler() => null;
}
