using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Dispatch;

public class PackShareTests
{
    private static readonly TrialSpec Template = SweepText.Parse(SweepText.Valid).TrialAt(0);

    private static TrialSpec Trial(long index, int width) => Template with { Index = index, Widths = [width] };

    /// <summary>A plan that estimates a trial of width 30 at 3 and any other at 1.</summary>
    private static readonly DispatchPlan Estimated = new(null, null, trial => trial.Widths[0] == 30 ? 3 : 1);

    [Fact]
    public void Without_estimates_the_share_is_a_count_of_trials_rounded_up()
    {
        var share = new PackShare(DispatchPlan.Uniform);

        Assert.Equal(5, share.MaxPackSize(queued: 9, held: [Trial(0, 8)], sharers: 2, maxPack: 16)(Trial(1, 8)));
        Assert.Equal(3, share.MaxPackSize(queued: 9, held: [], sharers: 2, maxPack: 3)(Trial(1, 8)));
        Assert.Equal(1, share.MaxPackSize(queued: 0, held: [], sharers: 4, maxPack: 16)(Trial(1, 8)));
    }

    [Fact]
    public void With_the_costs_of_every_trial_the_share_is_half_the_cost_left_in_trials_of_the_anchors_cost()
    {
        // 6 large trials (cost 3) and 4 small ones waiting: 22; one large one held: 25 in all, over two slots
        var share = new PackShare(new DispatchPlan(null, [.. Enumerable.Repeat(3.0, 7), 1, 1, 1, 1]));

        var maxSize = share.MaxPackSize(queued: 22, held: [Trial(0, 30)], sharers: 2, maxPack: 16);

        Assert.Equal(5, maxSize(Trial(1, 30)));   // 25 / (2 · 3) = 4.2 → 5
        Assert.Equal(13, maxSize(Trial(8, 8)));   // 25 / (2 · 1) = 12.5 → 13
    }

    [Fact]
    public void An_adaptive_searchs_trials_not_generated_yet_count_at_the_mean_cost_of_those_generated()
    {
        // given three small trials and a large one generated (mean cost 1.5), and 10 trials not generated yet
        var share = new PackShare(Estimated);
        foreach (var trial in new[] { Trial(0, 8), Trial(1, 8), Trial(2, 8), Trial(3, 30) })
        {
            share.Generated(trial);
        }

        var maxSize = share.MaxPackSize(queued: 10, held: [], sharers: 2, maxPack: 16);

        // then a large anchor gets 10 · 1.5 / (2 · 3) = 2.5 → 3 trials, a small one 10 · 1.5 / 2 = 7.5 → 8
        Assert.Equal(3, maxSize(Trial(4, 30)));
        Assert.Equal(8, maxSize(Trial(4, 8)));
    }
}
