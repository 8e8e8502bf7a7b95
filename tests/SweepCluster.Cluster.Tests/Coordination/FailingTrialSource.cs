using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests.Coordination;

/// <summary><paramref name="count"/> trials of <see cref="InMemoryTrialSource"/>, of which trial <paramref name="broken"/> cannot be generated.</summary>
internal sealed class FailingTrialSource(int count, long broken) : ITrialSource
{
    public string SweepName => "test";

    public long Count => count;

    public MetricSpec Metric => MetricSpec.Default;

    public IReadOnlyList<string> SweptParameters { get; } = ["lambda"];

    public TrialSpec TrialAt(long index) =>
        index == broken ? throw new InvalidOperationException("widths [0] are empty") : InMemoryTrialSource.Spec(index);
}
