using System.Collections.Concurrent;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>
/// A trial source with a bug: the first <paramref name="corruptions"/> times it generates trial <paramref name="index"/>
/// it gives it index -1, which crashes the coordinator when that trial's result comes back. Counts generations.
/// </summary>
internal sealed class CorruptingTrialSource(ITrialSource inner, long index, int corruptions) : ITrialSource
{
    private readonly ConcurrentDictionary<long, int> generated = new();

    public string SweepName => inner.SweepName;

    public long Count => inner.Count;

    public MetricSpec Metric => inner.Metric;

    public IReadOnlyList<string> SweptParameters => inner.SweptParameters;

    public int GenerationsOf(long trial) => generated.GetValueOrDefault(trial);

    public TrialSpec TrialAt(long trial)
    {
        var times = generated.AddOrUpdate(trial, 1, (_, n) => n + 1);
        var spec = inner.TrialAt(trial);
        return trial == index && times <= corruptions ? spec with { Index = -1 } : spec;
    }
}
