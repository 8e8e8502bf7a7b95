using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Sweeps;

public class GroupL1SettingsTests
{
    private static string With(string line, string replacement)
    {
        Assert.Contains(line, Valid);
        return Valid.Replace(line, replacement);
    }

    [Fact]
    public void Group_mode_defaults_to_input_groups_and_no_refit()
    {
        // given a sweep in group mode that says nothing of groups or a refit
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: group }");

        // when parsed, then it groups whole inputs and trains its 2 epochs alone
        var training = Parse(yaml).Training;
        Assert.Equal(L1Mode.Group, training.L1Mode);
        Assert.Equal(L1Groups.Inputs, training.L1Groups);
        Assert.Equal(0, training.RefitEpochs);
        Assert.Equal(2, training.TotalEpochs);
    }

    [Theory]
    [InlineData("inputs", L1Groups.Inputs)]
    [InlineData("neurons", L1Groups.Neurons)]
    [InlineData("both", L1Groups.Both)]
    public void Each_group_kind_is_read(string text, L1Groups expected)
    {
        var yaml = With("training: { epochs: 2 }", $"training: {{ epochs: 2, l1_mode: group, l1_groups: {text}, refit_epochs: 5 }}");

        var trial = Parse(yaml).TrialAt(0);

        Assert.Equal(expected, trial.Training.L1Groups);
        Assert.Equal(5, trial.Training.RefitEpochs);
        Assert.Equal(7, trial.Training.TotalEpochs);
    }

    [Fact]
    public void A_refit_goes_with_any_l1_mode()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: proximal, refit_epochs: 3 }");

        Assert.Equal(3, Parse(yaml).Training.RefitEpochs);
    }

    [Fact]
    public void Groups_and_refit_epochs_may_be_swept_like_other_training_settings()
    {
        // given a sweep in group mode over the groups and the refit length
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: group }")
            + "\n  l1_groups: { values: [inputs, both] }\n  refit_epochs: { values: [0, 4] }";

        // when expanded (a grid of 2 x 2 x 2)
        var trials = Parse(yaml).ExpandTrials().ToList();

        // then each trial has its own, and the swept values print as written
        Assert.Equal(8, trials.Count);
        Assert.Equal([L1Groups.Inputs, L1Groups.Both], trials.Select(t => t.Training.L1Groups).Distinct());
        Assert.Equal([0, 4], trials.Select(t => t.Training.RefitEpochs).Distinct());
        Assert.Equal(["lambda", "l1_groups", "refit_epochs"], trials[0].SweptValues.Select(v => v.Name));
        Assert.Contains(trials, t => t.SweptValues[1].Text == "both" && t.SweptValues[2].Text == "4");
    }

    [Fact]
    public void Groups_with_a_mode_other_than_group_are_refused_where_they_are_written()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: proximal, l1_groups: neurons }");

        AssertAt(SingleError(yaml), Pos(yaml, "l1_groups"),
            "training.l1_groups applies only to l1_mode: group, and l1_mode is proximal: remove l1_groups, or set l1_mode: group");
    }

    [Fact]
    public void Groups_emptied_by_an_override_are_not_given()
    {
        // given a group sweep with l1_groups, switched to proximal on the command line with the groups emptied
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: group, l1_groups: inputs }");

        // when parsed, then it is a proximal sweep and nothing is refused
        Assert.Equal(L1Mode.Proximal, Parse(yaml, "training.l1_mode=proximal", "training.l1_groups=null").Training.L1Mode);
    }

    [Fact]
    public void Groups_without_any_l1_mode_are_refused_since_the_default_is_penalty()
    {
        var yaml = Valid + "\n  l1_groups: { values: [inputs, neurons] }";

        AssertAt(SingleError(yaml), Pos(yaml, "l1_groups"), "parameters.l1_groups applies only to l1_mode: group, and l1_mode is penalty");
    }

    [Fact]
    public void Groups_are_accepted_when_a_swept_l1_mode_takes_group()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_groups: neurons }") + "\n  l1_mode: { values: [proximal, group] }";

        var trials = Parse(yaml).ExpandTrials().ToList();

        Assert.Contains(trials, t => t.Training is { L1Mode: L1Mode.Group, L1Groups: L1Groups.Neurons });
    }

    [Fact]
    public void Groups_are_refused_when_the_swept_l1_mode_never_takes_group()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: group, l1_groups: both }") + "\n  l1_mode: { values: [penalty, proximal] }";

        AssertAt(SingleError(yaml), Pos(yaml, "l1_groups"), "the swept l1_mode never takes group");
    }

    [Fact]
    public void An_unknown_group_kind_is_refused_with_a_suggestion()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: group, l1_groups: input }");

        AssertAt(SingleError(yaml), Pos(yaml, "input }"),
            "training.l1_groups must be one of inputs, neurons, both (got 'input'); did you mean 'inputs'?");
    }

    [Fact]
    public void An_unknown_l1_mode_names_group_among_the_choices()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: grop }");

        AssertAt(SingleError(yaml), Pos(yaml, "grop"), "must be one of penalty, proximal, group (got 'grop'); did you mean 'group'?");
    }

    [Fact]
    public void Negative_refit_epochs_are_refused()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, refit_epochs: -1 }");

        AssertAt(SingleError(yaml), Pos(yaml, "-1"), "training.refit_epochs must be at least 0");
    }

    [Fact]
    public void A_schedulers_maximum_is_the_regularized_epochs_plus_the_refit()
    {
        // given ASHA (grace 1, eta 3) over 2 regularized epochs and 8 refit epochs
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, l1_mode: group, refit_epochs: 8 }")
            + "\nscheduler: { kind: asha, grace_epochs: 2 }";

        // when its scheduler is made
        var scheduler = new SweepTrialSource(Parse(yaml)).NewScheduler()!;

        // then it decides at rungs below 10 epochs (2·3⁰, 2·3¹), not only below 2; a grace of 2 is allowed
        Assert.Equal([2, 6], scheduler.DecisionEpochs(0));
    }

    [Fact]
    public void A_grace_at_or_over_the_epochs_with_the_refit_is_refused_naming_both()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, refit_epochs: 1 }") + "\nscheduler: { kind: asha, grace_epochs: 3 }";

        AssertAt(SingleError(yaml), Pos(yaml, "3 }"), "must be below training.epochs + training.refit_epochs (3)");
    }

    [Fact]
    public void Sweeping_refit_epochs_with_a_scheduler_is_refused()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 9 }") + "\n  refit_epochs: { values: [0, 3] }\nscheduler: { kind: median }";

        AssertAt(SingleError(yaml), Pos(yaml, "refit_epochs"), "parameters.refit_epochs cannot be swept with scheduler median");
    }
}
