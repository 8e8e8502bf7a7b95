using SweepCluster.Core.Search;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Trials;

/// <summary>A sweep definition seen as a trial source; the plan is built once, not per trial.</summary>
public sealed class SweepTrialSource(SweepDefinition sweep) : ITrialSource
{
    private readonly TrialPlan plan = new(sweep);

    public SweepDefinition Sweep { get; } = sweep;

    public string SweepName => Sweep.Name;

    public long Count => plan.Count;

    public MetricSpec Metric => Sweep.Metric;

    public IReadOnlyList<string> SweptParameters { get; } = sweep.Parameters.Select(p => p.Name).ToList();

    public IReadOnlyList<ParameterSpec> ParameterSpecs => Sweep.Parameters;

    public bool Adaptive => plan.Adaptive;

    public int Repeats => Sweep.Repeats;

    public TrialSpec TrialAt(long index) => plan.TrialAt(index);

    public TrialSpec TrialAt(long index, SearchHistory history) => plan.TrialAt(index, history);

    public Scheduling.ITrialScheduler? NewScheduler() => Sweep.Scheduler?.Create(Sweep.Training.TotalEpochs, Sweep.Metric.Goal);
}
