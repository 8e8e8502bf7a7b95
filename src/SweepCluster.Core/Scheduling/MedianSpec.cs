using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>
/// <c>scheduler: { kind: median, warmup_epochs: 0, min_trials: 5 }</c>: median stopping (<see cref="MedianScheduler"/>).
/// No trial stops at or before <paramref name="WarmupEpochs"/>, nor at an epoch fewer than <paramref name="MinTrials"/>
/// other trials have reported (Optuna's n_warmup_steps and n_startup_trials).
/// </summary>
public sealed record MedianSpec(int WarmupEpochs = 0, int MinTrials = 5) : SchedulerSpec
{
    public const string KindName = "median";

    public override string Kind => KindName;

    public override ITrialScheduler Create(int maxEpochs, MetricGoal goal) =>
        new MedianScheduler(WarmupEpochs, MinTrials, maxEpochs, goal);

    public override string Describe(int maxEpochs) =>
        $"median: after epoch {WarmupEpochs} (of {maxEpochs}), against the median of at least {MinTrials} other trials at the same epoch";
}
