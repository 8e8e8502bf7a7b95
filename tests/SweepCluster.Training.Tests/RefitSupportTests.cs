using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Native;
using SweepCluster.Training.Optimization;
using TorchSharp;

namespace SweepCluster.Training.Tests;

/// <summary>The refit freezes exactly the support its L1 mode selected, and nothing else.</summary>
public class RefitSupportTests
{
    public RefitSupportTests() => TorchRuntime.EnsureLoaded();

    /// <summary>First layer <c>[3 out, 3 in]</c>: input 1's column is zeroed; a tiny entry (4e-4) sits in kept column 0, an exact 0 in column 2.</summary>
    private static float[] FirstLayer => [0.9f, 0, -0.7f, 4e-4f, 0, 0, -0.5f, 0, 0.6f];

    /// <summary>Second layer <c>[2 out, 3 in]</c> (the last): unit 1's row is all zero, and it holds a tiny entry.</summary>
    private static float[] LastLayer => [0, 0, 0, 0.3f, 5e-4f, -0.2f];

    [Fact]
    public void Group_inputs_freezes_the_zeroed_input_columns_only()
    {
        var (first, last) = Freeze(new TrainingSettings(L1Mode: L1Mode.Group, L1Groups: L1Groups.Inputs));

        Assert.Equal([1, 0, 1, 1, 0, 1, 1, 0, 1], first);
        Assert.Equal(Enumerable.Repeat(1f, 6), last);
    }

    [Fact]
    public void A_group_left_with_every_entry_within_the_threshold_counts_as_zeroed()
    {
        // given a first layer whose input 2 keeps only entries below the sparsity threshold (a group shrunk to a tiny norm)
        float[] firstLayer = [0.9f, 0, 4e-4f, 4e-4f, 0, -2e-4f, -0.5f, 0, 1e-4f];

        var (first, _) = Freeze(new TrainingSettings(L1Mode: L1Mode.Group, L1Groups: L1Groups.Inputs, SparsityThreshold: 1e-3), firstLayer);

        // then columns 1 and 2 are frozen; column 0, with its own tiny entry, is kept whole
        Assert.Equal([1, 0, 0, 1, 0, 0, 1, 0, 0], first);
    }

    [Fact]
    public void Group_neurons_freezes_the_zeroed_hidden_units_incoming_rows_only()
    {
        // given a first layer whose hidden unit 1 has only zero incoming weights
        float[] firstLayer = [0.9f, 0, -0.7f, 0, 0, 0, -0.5f, 0, 0.6f];

        var (first, last) = Freeze(new TrainingSettings(L1Mode: L1Mode.Group, L1Groups: L1Groups.Neurons), firstLayer);

        // then that row is frozen; the zero column and the exact zeros elsewhere are not, and the output layer (no groups) is free
        Assert.Equal([1, 1, 1, 0, 0, 0, 1, 1, 1], first);
        Assert.Equal(Enumerable.Repeat(1f, 6), last);
    }

    [Fact]
    public void Group_both_freezes_zeroed_columns_and_zeroed_rows()
    {
        float[] firstLayer = [0.9f, 0, -0.7f, 0, 0, 0, -0.5f, 0, 0.6f];

        var (first, _) = Freeze(new TrainingSettings(L1Mode: L1Mode.Group, L1Groups: L1Groups.Both), firstLayer);

        Assert.Equal([1, 0, 1, 0, 0, 0, 1, 0, 1], first);
    }

    [Fact]
    public void Proximal_freezes_the_exact_zeros_only()
    {
        var (first, last) = Freeze(new TrainingSettings(L1Mode: L1Mode.Proximal));

        Assert.Equal([1, 0, 1, 1, 0, 0, 1, 0, 1], first);
        Assert.Equal([0, 0, 0, 1, 1, 1], last);
    }

    [Fact]
    public void Penalty_freezes_the_entries_at_most_the_sparsity_threshold()
    {
        var (first, last) = Freeze(new TrainingSettings(L1Mode: L1Mode.Penalty, SparsityThreshold: 1e-3));

        Assert.Equal([1, 0, 1, 0, 0, 0, 1, 0, 1], first);
        Assert.Equal([0, 0, 0, 1, 0, 1], last);
    }

    [Theory]
    [InlineData(L1Mode.Group, L1Groups.Inputs)]
    [InlineData(L1Mode.Group, L1Groups.Neurons)]
    [InlineData(L1Mode.Group, L1Groups.Both)]
    [InlineData(L1Mode.Proximal, L1Groups.Inputs)]
    [InlineData(L1Mode.Penalty, L1Groups.Inputs)]
    public void A_packed_slice_in_out_gets_the_transposed_mask_of_the_single_weight(L1Mode mode, L1Groups groups)
    {
        // given the same weights as a single network's [out, in] and as one trial's packed slice [in, out]
        var settings = new TrainingSettings(L1Mode: mode, L1Groups: groups);
        float[] firstLayer = [0.9f, 0, -0.7f, 0, 0, 0, -0.5f, 0, 4e-4f];
        using var single = torch.tensor(firstLayer, [3, 3]);
        using var slice = single.t().contiguous();

        // when each is masked for layer 0 of 2
        using var singleMask = RefitSupport.KeptMask(single, settings, RefitSupport.GroupDims(groups, 0, 2));
        using var sliceMask = RefitSupport.KeptMask(slice, settings, RefitSupport.SliceGroupDims(groups, 0, 2));

        // then they agree entry by entry
        using var transposed = sliceMask.t().contiguous();
        Assert.Equal(Values(singleMask), Values(transposed));
    }

    private static (float[] First, float[] Last) Freeze(TrainingSettings settings, float[]? firstLayer = null)
    {
        using var first = torch.tensor(firstLayer ?? FirstLayer, [3, 3]);
        using var last = torch.tensor(LastLayer, [2, 3]);
        using var pattern = ZeroPattern.Freeze([first, last], settings);
        // the frozen entries are 0 now; a step of ones everywhere, masked and re-applied, shows which entries may move
        using (var ones = torch.ones_like(first))
        {
            first.add_(ones);
        }
        using (var ones = torch.ones_like(last))
        {
            last.add_(ones);
        }
        pattern.Reapply();
        return (Moved(first), Moved(last));
    }

    private static float[] Moved(torch.Tensor weight) => Values(weight).Select(v => v == 0 ? 0f : 1f).ToArray();

    private static float[] Values(torch.Tensor tensor) => tensor.detach().cpu().to_type(torch.ScalarType.Float32).data<float>().ToArray();
}
