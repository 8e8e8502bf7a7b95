using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Trials;

public class PackKeyTests
{
    private static readonly SyntheticDataSpec Data = new(Samples: 1000, Features: 10, Informative: 3, Classes: 3, Seed: 7);

    [Fact]
    public void Trials_differing_only_in_per_trial_values_share_a_key()
    {
        // given two trials with different lambda, dropout, learning rate, patience, threshold and seed,
        // and widths held in different list instances
        var first = Trial(seed: 1, lambda: 1e-4, dropout: 0, widths: [64, 32], training: new TrainingSettings(LearningRate: 1e-3, Patience: 2, SparsityThreshold: 1e-3));
        var second = Trial(seed: 2, lambda: 1e-2, dropout: 0.3, widths: new List<int> { 64, 32 }, training: new TrainingSettings(LearningRate: 5e-2, Patience: 0, SparsityThreshold: 1e-2));

        // when their keys are taken
        var firstKey = PackKey.For(first);
        var secondKey = PackKey.For(second);

        // then the keys are equal, with equal hash codes
        Assert.Equal(firstKey, secondKey);
        Assert.Equal(firstKey.GetHashCode(), secondKey.GetHashCode());
    }

    public static TheoryData<string, TrialSpec> ShapeOrPlanChanges => new()
    {
        { "widths", Trial(widths: [64, 16]) },
        { "depth", Trial(widths: [64]) },
        { "outputs", Trial() with { Outputs = 4 } },
        { "data", Trial() with { Data = Data with { Seed = 8 } } },
        { "epochs", Trial(training: new TrainingSettings(Epochs: 5)) },
        { "batch size", Trial(training: new TrainingSettings(BatchSize: 64)) },
        { "optimizer", Trial(training: new TrainingSettings(Optimizer: OptimizerKind.Sgd)) },
        { "l1 mode", Trial(training: new TrainingSettings(L1Mode: L1Mode.Proximal)) },
        { "include biases", Trial(training: new TrainingSettings(IncludeBiases: true)) },
        { "refit epochs", Trial(training: new TrainingSettings(RefitEpochs: 3)) },
    };

    [Theory]
    [MemberData(nameof(ShapeOrPlanChanges))]
    public void Trials_differing_in_shape_or_batch_plan_get_different_keys(string change, TrialSpec changed)
    {
        // given a reference trial and one that differs in a field the pack must share
        var reference = Trial();

        // when their keys are compared
        // then they differ
        Assert.True(PackKey.For(reference) != PackKey.For(changed), $"a different {change} must not pack");
    }

    [Fact]
    public void Momentum_splits_sgd_packs_but_not_adam_packs()
    {
        // given pairs of trials that differ only in momentum
        var sgd = new TrainingSettings(Optimizer: OptimizerKind.Sgd, Momentum: 0.9);
        var adam = new TrainingSettings(Optimizer: OptimizerKind.Adam, Momentum: 0.9);

        // when their keys are compared
        // then SGD, which uses momentum, splits, and Adam, which ignores it, does not
        Assert.NotEqual(PackKey.For(Trial(training: sgd)), PackKey.For(Trial(training: sgd with { Momentum = 0.5 })));
        Assert.Equal(PackKey.For(Trial(training: adam)), PackKey.For(Trial(training: adam with { Momentum = 0.5 })));
    }

    [Fact]
    public void Groups_split_group_packs_but_not_packs_of_other_modes()
    {
        // given pairs of trials that differ only in l1_groups
        var group = new TrainingSettings(L1Mode: L1Mode.Group, L1Groups: L1Groups.Inputs);
        var proximal = new TrainingSettings(L1Mode: L1Mode.Proximal, L1Groups: L1Groups.Inputs);

        // when their keys are compared
        // then group mode, which thresholds the groups, splits (and names the field), and proximal, which ignores them, does not
        var inputs = PackKey.For(Trial(training: group));
        var both = PackKey.For(Trial(training: group with { L1Groups = L1Groups.Both }));
        Assert.Equal(["l1_groups"], inputs.DifferencesFrom(both));
        Assert.Equal(PackKey.For(Trial(training: proximal)), PackKey.For(Trial(training: proximal with { L1Groups = L1Groups.Neurons })));
    }

    [Fact]
    public void Differences_name_the_fields_that_keep_trials_apart()
    {
        // given two trials that differ in widths and batch size (and in lambda, which may differ)
        var first = Trial(widths: [64, 32], lambda: 1e-3);
        var second = Trial(widths: [64], lambda: 1e-2, training: new TrainingSettings(BatchSize: 32));

        // when the differences of their keys are listed
        var differences = PackKey.For(first).DifferencesFrom(PackKey.For(second));

        // then exactly those two fields are named
        Assert.Equal(["widths", "batch_size"], differences);
    }

    private static TrialSpec Trial(long seed = 1, double lambda = 0, double dropout = 0, IReadOnlyList<int>? widths = null, TrainingSettings? training = null) =>
        new(
            Id: $"t-{seed}",
            SweepName: "t",
            Index: seed,
            Seed: seed,
            Data: Data,
            Outputs: 3,
            Lambda: lambda,
            Dropout: dropout,
            Widths: widths ?? [64, 32],
            Training: training ?? new TrainingSettings(),
            SweptValues: []);
}
