using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Trials;

/// <summary>
/// What trials must share to train as one pack (one stacked model, one batch plan): the data, the
/// architecture, the epoch and batch plan and the optimizer's kind and fixed settings. Trials with equal
/// keys may pack; lambda, dropout, learning rate, patience, sparsity threshold and seed stay per trial.
/// <paramref name="Widths"/> is the hidden widths as text (<c>100,200</c>) so that the record's equality is by value.
/// <paramref name="Momentum"/> is 0 under Adam, which does not use it, so a swept momentum never splits Adam packs; likewise
/// <paramref name="L1Groups"/> is <see cref="Sweeps.L1Groups.Inputs"/> outside group mode. A pack trains one loss: a regression
/// sweep that sweeps <c>loss</c> or <c>huber_delta</c> packs each kind apart (classification trials all hold the defaults).
/// </summary>
public sealed record PackKey(
    DataSpec Data,
    int Outputs,
    string Widths,
    int Epochs,
    int BatchSize,
    OptimizerKind Optimizer,
    L1Mode L1Mode,
    bool IncludeBiases,
    double Momentum,
    L1Groups L1Groups = L1Groups.Inputs,
    int RefitEpochs = 0,
    LossKind Loss = LossKind.Mse,
    double HuberDelta = 1.0)
{
    public static PackKey For(TrialSpec trial)
    {
        var training = trial.Training;
        return new PackKey(
            trial.Data,
            trial.Outputs,
            string.Join(",", trial.Widths),
            training.Epochs,
            training.BatchSize,
            training.Optimizer,
            training.L1Mode,
            training.IncludeBiases,
            training.Optimizer == OptimizerKind.Sgd ? training.Momentum : 0,
            training.L1Mode == L1Mode.Group ? training.L1Groups : L1Groups.Inputs,
            training.RefitEpochs,
            training.Loss,
            training.Loss == LossKind.Huber ? training.HuberDelta : 1.0);
    }

    /// <summary>The names of the fields (as in the sweep file) in which this key differs from <paramref name="other"/>.</summary>
    public IReadOnlyList<string> DifferencesFrom(PackKey other)
    {
        var differences = new List<string>();
        void Check(bool equal, string name)
        {
            if (!equal)
            {
                differences.Add(name);
            }
        }
        Check(Data == other.Data, "data");
        Check(Outputs == other.Outputs, "outputs");
        Check(Widths == other.Widths, "widths");
        Check(Epochs == other.Epochs, "epochs");
        Check(BatchSize == other.BatchSize, "batch_size");
        Check(Optimizer == other.Optimizer, "optimizer");
        Check(L1Mode == other.L1Mode, "l1_mode");
        Check(IncludeBiases == other.IncludeBiases, "include_biases");
        Check(Momentum.Equals(other.Momentum), "momentum");
        Check(L1Groups == other.L1Groups, "l1_groups");
        Check(RefitEpochs == other.RefitEpochs, "refit_epochs");
        Check(Loss == other.Loss, "loss");
        Check(HuberDelta.Equals(other.HuberDelta), "huber_delta");
        return differences;
    }
}
