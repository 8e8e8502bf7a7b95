using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Results;

/// <summary>Leaderboard entries for tests.</summary>
internal static class Entries
{
    public static LeaderboardEntry Completed(long index, double valLoss, double valAccuracy = 0.5, double sparsity = 0.5, long parameters = 100) =>
        new(index, [new SweptValue("lambda", $"1e-{index}"), new SweptValue("widths", "[8, 4]")],
            new TrialResult($"s-{index}", TrialStatus.Completed, null,
                new TrialMetrics(valLoss, valAccuracy, valLoss, 2.5, sparsity, 0.1, [sparsity], 4, parameters, 3, 2, 1.25, 100,
                    ["x0", "x3", "x5", "x6"], [8, 3]),
                [new EpochRecord(1, valLoss, valLoss, valAccuracy)], "w0", "node-a", "cuda:1"));

    public static LeaderboardEntry Ended(long index, TrialStatus status, string reason, TrialFailureKind? kind = null) =>
        new(index, [], new TrialResult($"s-{index}", status, reason, null, [], "w1", "node-b", "cpu", kind));
}
