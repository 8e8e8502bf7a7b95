using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Tests.Sweeps;

public sealed class DefinitionDiffTests
{
    private const string Before = """
        name: t
        method: random
        trials: 40
        training: { epochs: 25, learning_rate: 1.0e-3 }
        parameters:
          widths: { values: [[16], [32, 16]] }
        """;

    [Fact]
    public void A_changed_setting_is_named_by_its_dotted_key_with_both_values()
    {
        // given the same sweep with one more epoch
        var after = Before.Replace("epochs: 25", "epochs: 26");

        // when compared
        var differences = DefinitionDiff.Between(Before, after);

        // then that one setting is named, old value first
        Assert.Equal(["training.epochs 25 → 26"], differences);
    }

    [Fact]
    public void Added_removed_and_list_settings_are_named_in_the_earlier_file_order()
    {
        // given a list changed, a setting removed and one added
        var after = Before.Replace("trials: 40\n", "").Replace("[[16], [32, 16]]", "[[16]]") + "\nseed: 3\n";

        // when compared
        var differences = DefinitionDiff.Between(Before, after);

        // then each is one line
        Assert.Equal(["trials 40 → (not set)", "parameters.widths.values [[16], [32, 16]] → [[16]]", "seed (not set) → 3"], differences);
    }

    [Fact]
    public void The_same_settings_written_differently_differ_in_nothing()
    {
        // given a comment and another spelling of the same number
        var after = "# a comment\n" + Before.Replace("1.0e-3", "0.001");

        // when compared
        var differences = DefinitionDiff.Between(Before, after);

        // then no setting differs
        Assert.Empty(differences);
    }
}
