using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cluster.Tests;

/// <summary>A tiny trial source that counts how often each trial is generated; <paramref name="plan"/> sets its dispatch order and costs.</summary>
internal sealed class InMemoryTrialSource(IReadOnlyList<TrialSpec> trials, MetricSpec? metric = null, DispatchPlan? plan = null) : ITrialSource
{
    public static SyntheticDataSpec Data { get; } = new(Samples: 300, Features: 6, Informative: 3, Classes: 2, Seed: 7);

    public string SweepName => "test";

    public long Count => trials.Count;

    public MetricSpec Metric { get; } = metric ?? MetricSpec.Default;

    public IReadOnlyList<string> SweptParameters { get; } = ["lambda"];

    public static InMemoryTrialSource Of(int count) => new(Enumerable.Range(0, count).Select(i => Spec(i)).ToList());

    public static TrialSpec Spec(long index, double lambda = 1e-4, int epochs = 2) =>
        new(TrialSpec.IdFor("test", index), "test", index, 1 + index, Data, 2, lambda, 0, [8],
            new TrainingSettings(Epochs: epochs, BatchSize: 32, LearningRate: 1e-2, Threads: 1),
            [new SweptValue("lambda", lambda.ToString("G3", System.Globalization.CultureInfo.InvariantCulture))]);

    public TrialSpec TrialAt(long index) => trials[(int)index];

    public DispatchPlan DispatchPlan() => plan ?? Core.Dispatch.DispatchPlan.Uniform;
}
