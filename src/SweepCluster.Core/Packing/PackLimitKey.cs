using System.Text.Json;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Packing;

/// <summary>
/// A <see cref="PackKey"/> as text that is the same in every process and culture (JSON of its fields, the data spec
/// with its runtime type), so that a worker can tell the coordinator, over the wire, how large a pack it takes for
/// that kind of trial.
/// </summary>
public static class PackLimitKey
{
    public static string Of(PackKey key) => JsonSerializer.Serialize(new
    {
        Data = key.Data.GetType().Name,
        Spec = (object)key.Data,
        key.Outputs,
        key.Widths,
        key.Epochs,
        key.BatchSize,
        Optimizer = key.Optimizer.ToString(),
        L1Mode = key.L1Mode.ToString(),
        key.IncludeBiases,
        key.Momentum,
        L1Groups = key.L1Groups.ToString(),
        key.RefitEpochs,
    });

    public static string Of(TrialSpec trial) => Of(PackKey.For(trial));
}
