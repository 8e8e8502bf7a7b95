using SweepCluster.Core.Sweeps;
using TorchSharp;
using static TorchSharp.torch;

namespace SweepCluster.Training.Optimization;

/// <summary>
/// Which weight entries the refit (relaxed lasso) trains: the support the regularized phase selected. Only what the penalty
/// switched off is frozen at 0, so that the refit can recover the accuracy the shrinkage cost without undoing the selection:
/// in <c>group</c> mode the groups the threshold zeroed as a whole (input columns, hidden units' incoming rows; a group the
/// step left with every entry within <c>sparsity_threshold</c> counts as zeroed, as <c>active_inputs</c> counts it off:
/// the group soft-threshold leaves a group just above its threshold with a tiny norm, not 0), in
/// <c>proximal</c> mode the exact zeros, in <c>penalty</c> mode (which gives no exact zeros) the entries with
/// <c>|w| ≤ sparsity_threshold</c>. A small weight inside a kept group stays free.
/// </summary>
internal static class RefitSupport
{
    /// <summary>
    /// A mask of <paramref name="weight"/>'s shape and type: 1 for an entry the refit trains, 0 for one frozen at 0.
    /// </summary>
    /// <param name="groupDims">For group mode, the dimensions this matrix's groups run along (the one each group's norm sums over); empty when no group lies in it.</param>
    public static Tensor KeptMask(Tensor weight, TrainingSettings settings, IReadOnlyList<long> groupDims)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var zero = 0.0.ToScalar();
        using var threshold = settings.SparsityThreshold.ToScalar();
        var kept = settings.L1Mode switch
        {
            L1Mode.Group => KeptGroups(weight, groupDims, threshold),
            L1Mode.Proximal => weight.ne(zero),
            _ => weight.abs().gt(threshold),
        };
        return kept.to_type(weight.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>The dimensions the groups of layer <paramref name="layer"/> (of <paramref name="layers"/>) run along, for weights <c>[out, in]</c>.</summary>
    public static IReadOnlyList<long> GroupDims(L1Groups groups, int layer, int layers) => GroupDims(groups, layer, layers, inputDim: 0, neuronDim: 1);

    /// <summary>As <see cref="GroupDims(L1Groups, int, int)"/> for one trial's slice <c>[in, out]</c> of a packed weight.</summary>
    public static IReadOnlyList<long> SliceGroupDims(L1Groups groups, int layer, int layers) => GroupDims(groups, layer, layers, inputDim: 1, neuronDim: 0);

    private static IReadOnlyList<long> GroupDims(L1Groups groups, int layer, int layers, long inputDim, long neuronDim)
    {
        var dims = new List<long>(2);
        if (layer == 0 && groups is L1Groups.Inputs or L1Groups.Both)
        {
            dims.Add(inputDim); // the column (slice: row) of weights leaving one input
        }
        if (layer < layers - 1 && groups is L1Groups.Neurons or L1Groups.Both)
        {
            dims.Add(neuronDim); // the weights into one hidden unit
        }
        return dims;
    }

    // A group is kept when any of its entries is above the threshold.
    private static Tensor KeptGroups(Tensor weight, IReadOnlyList<long> groupDims, Scalar threshold)
    {
        var kept = torch.ones_like(weight, dtype: ScalarType.Bool);
        foreach (var dim in groupDims)
        {
            kept = kept.logical_and(weight.abs().amax([dim], keepdim: true).gt(threshold));
        }
        return kept;
    }
}
