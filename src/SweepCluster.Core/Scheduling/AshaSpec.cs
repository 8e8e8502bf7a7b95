using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>
/// <c>scheduler: { kind: asha, grace_epochs: 1, reduction_factor: 3 }</c>: asynchronous successive halving
/// (<see cref="AshaScheduler"/>). No trial stops before <paramref name="GraceEpochs"/>; about 1/<paramref name="ReductionFactor"/>
/// of the trials reaching a rung go on to the next.
/// </summary>
public sealed record AshaSpec(int GraceEpochs = 1, int ReductionFactor = 3) : SchedulerSpec
{
    public const string KindName = "asha";

    public override string Kind => KindName;

    public override ITrialScheduler Create(int maxEpochs, MetricGoal goal) =>
        new AshaScheduler(GraceEpochs, ReductionFactor, maxEpochs, goal);

    public override string Describe(int maxEpochs) =>
        $"asha, reduction factor {ReductionFactor}: rungs at epochs {string.Join(", ", new AshaScheduler(GraceEpochs, ReductionFactor, maxEpochs, MetricGoal.Minimize).RungEpochs)} of {maxEpochs}";
}
