using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>The <c>scheduler:</c> block of a sweep file, validated; one subtype per kind (asha, hyperband, median).</summary>
public abstract record SchedulerSpec
{
    /// <summary>The kind as written in the sweep file.</summary>
    public abstract string Kind { get; }

    /// <summary>A fresh scheduler for trials of <paramref name="maxEpochs"/> epochs (training.epochs plus training.refit_epochs), ranking by a metric with <paramref name="goal"/>.</summary>
    public abstract ITrialScheduler Create(int maxEpochs, MetricGoal goal);

    /// <summary>One line for <c>validate</c>: the rule and where it decides for trials of <paramref name="maxEpochs"/> epochs.</summary>
    public abstract string Describe(int maxEpochs);
}
