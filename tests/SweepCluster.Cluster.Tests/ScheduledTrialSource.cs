using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>Trials of <paramref name="epochs"/> epochs with an early-stopping scheduler made by <paramref name="newScheduler"/> (fresh per coordinator).</summary>
internal sealed class ScheduledTrialSource(int count, int epochs, Func<ITrialScheduler> newScheduler) : ITrialSource
{
    public string SweepName => "test";

    public long Count => count;

    public MetricSpec Metric => MetricSpec.Default;

    public IReadOnlyList<string> SweptParameters { get; } = ["lambda"];

    public TrialSpec TrialAt(long index) => InMemoryTrialSource.Spec(index, epochs: epochs);

    public ITrialScheduler? NewScheduler() => newScheduler();
}
