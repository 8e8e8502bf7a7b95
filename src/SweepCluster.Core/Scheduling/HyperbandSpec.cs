using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Scheduling;

/// <summary>
/// <c>scheduler: { kind: hyperband, grace_epochs: 1, reduction_factor: 3 }</c>: Hyperband's brackets of ASHA
/// (<see cref="HyperbandScheduler"/>), from the most aggressive one (first rung at <paramref name="GraceEpochs"/>) to one
/// that lets its trials run long.
/// </summary>
public sealed record HyperbandSpec(int GraceEpochs = 1, int ReductionFactor = 3) : SchedulerSpec
{
    public const string KindName = "hyperband";

    public override string Kind => KindName;

    public override ITrialScheduler Create(int maxEpochs, MetricGoal goal) =>
        new HyperbandScheduler(GraceEpochs, ReductionFactor, maxEpochs, goal);

    public override string Describe(int maxEpochs)
    {
        var brackets = HyperbandScheduler.BracketsFor(GraceEpochs, ReductionFactor, maxEpochs);
        return $"hyperband, reduction factor {ReductionFactor}: {brackets.Count} brackets of {string.Join(", ", brackets.Select(b => b.Trials))} "
            + $"in every {brackets.Sum(b => b.Trials)} trials, their rungs starting at epochs {string.Join(", ", brackets.Select(b => b.GraceEpochs))} of {maxEpochs}";
    }
}
