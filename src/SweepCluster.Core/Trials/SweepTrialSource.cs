using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Trials;

/// <summary>
/// A sweep definition seen as a trial source; the plan is built once, not per trial. <paramref name="data"/>, the shape the
/// data check found, lets the coordinator hand out the most expensive trials first (<see cref="LongestFirst"/>); without it
/// trials go in index order.
/// </summary>
public sealed class SweepTrialSource(SweepDefinition sweep, DataDimensions? data = null) : ITrialSource
{
    private readonly TrialPlan plan = new(sweep);

    public SweepDefinition Sweep { get; } = sweep;

    public string SweepName => Sweep.Name;

    public long Count => plan.Count;

    public MetricSpec Metric => Sweep.Metric;

    public IReadOnlyList<MetricSpec> Objectives => Sweep.Objectives;

    public IReadOnlyList<double>? Reference => Sweep.Reference;

    public IReadOnlyList<string> SweptParameters { get; } = sweep.Parameters.Select(p => p.Name).ToList();

    public IReadOnlyList<ParameterSpec> ParameterSpecs => Sweep.Parameters;

    public bool Adaptive => plan.Adaptive;

    public int Repeats => Sweep.Repeats;

    public TrialSpec TrialAt(long index) => plan.TrialAt(index);

    public TrialSpec TrialAt(long index, SearchHistory history) => plan.TrialAt(index, history);

    public DispatchPlan DispatchPlan() =>
        data is { } d ? LongestFirst.Plan(this, d.Inputs, d.Outputs, d.TrainingRows) : Dispatch.DispatchPlan.Uniform;

    public Scheduling.ITrialScheduler? NewScheduler() => Sweep.Scheduler?.Create(Sweep.Training.TotalEpochs, Sweep.Metric.Goal);
}
