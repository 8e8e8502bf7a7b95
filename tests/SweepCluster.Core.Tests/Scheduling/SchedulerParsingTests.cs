using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Scheduling;

public class SchedulerParsingTests
{
    private const string Base = """
        name: t
        method: random
        trials: 20
        seed: 1
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }
        model: { widths: [8] }
        training: { epochs: 9 }
        parameters:
          lambda: { log_uniform: [1.0e-6, 1.0e-2] }
        """;

    private static string WithScheduler(string scheduler, string yaml = Base) => yaml + "\nscheduler: " + scheduler;

    private static string Replaced(string line, string replacement)
    {
        Assert.Contains(line, Base);
        return Base.Replace(line, replacement);
    }

    [Fact]
    public void A_sweep_without_a_scheduler_has_none()
    {
        Assert.Null(Parse(Base).Scheduler);
        Assert.Null(Parse(WithScheduler("~")).Scheduler);
        Assert.Null(new SweepTrialSource(Parse(Base)).NewScheduler());
    }

    [Fact]
    public void Asha_is_read_with_its_settings()
    {
        var sweep = Parse(WithScheduler("{ kind: asha, grace_epochs: 2, reduction_factor: 4 }"));

        Assert.Equal(new AshaSpec(2, 4), sweep.Scheduler);
    }

    [Fact]
    public void Asha_defaults_to_grace_1_and_reduction_factor_3()
    {
        Assert.Equal(new AshaSpec(1, 3), Parse(WithScheduler("{ kind: asha }")).Scheduler);
    }

    [Fact]
    public void Hyperband_is_read_with_its_settings_and_defaults()
    {
        Assert.Equal(new HyperbandSpec(2, 2), Parse(WithScheduler("{ kind: hyperband, grace_epochs: 2, reduction_factor: 2 }")).Scheduler);
        Assert.Equal(new HyperbandSpec(1, 3), Parse(WithScheduler("{ kind: hyperband }")).Scheduler);
    }

    [Fact]
    public void Median_is_read_with_its_settings_and_defaults()
    {
        Assert.Equal(new MedianSpec(3, 10), Parse(WithScheduler("{ kind: median, warmup_epochs: 3, min_trials: 10 }")).Scheduler);
        Assert.Equal(new MedianSpec(0, 5), Parse(WithScheduler("{ kind: median }")).Scheduler);
    }

    [Fact]
    public void A_block_mapping_with_the_kind_in_capitals_is_read()
    {
        var yaml = WithScheduler("\n  kind: Hyperband\n  reduction_factor: 2");

        Assert.Equal(new HyperbandSpec(1, 2), Parse(yaml).Scheduler);
    }

    [Fact]
    public void The_trial_source_creates_the_scheduler_for_the_training_epochs_and_the_metric_goal()
    {
        // given a sweep ranking by validation accuracy over 9 epochs, with ASHA
        var yaml = WithScheduler("{ kind: asha, grace_epochs: 1, reduction_factor: 3 }", Replaced("seed: 1", "seed: 1\nmetric: val_accuracy"));

        // when the coordinator's trial source makes the scheduler
        var scheduler = new SweepTrialSource(Parse(yaml)).NewScheduler();

        // then it schedules 9 epochs, maximizing
        var asha = Assert.IsType<AshaScheduler>(scheduler);
        Assert.Equal((9, MetricGoal.Maximize), (asha.MaxEpochs, asha.Goal));
        Assert.Equal([1, 3], asha.RungEpochs);
    }

    [Fact]
    public void An_override_sets_a_scheduler_setting()
    {
        var sweep = Parse(WithScheduler("{ kind: asha }"), "scheduler.reduction_factor=2");

        Assert.Equal(new AshaSpec(1, 2), sweep.Scheduler);
    }

    [Fact]
    public void An_overridden_bad_setting_names_the_override()
    {
        var error = SingleError(WithScheduler("{ kind: asha }"), "scheduler.grace_epochs=0");

        Assert.Equal((0, 0), (error.Line, error.Column));
        Assert.Contains("--set scheduler.grace_epochs=0: scheduler.grace_epochs must be at least 1 (got 0)", error.Message);
    }

    [Fact]
    public void A_scheduler_that_is_not_a_mapping_is_refused()
    {
        var yaml = WithScheduler("asha");
        AssertAt(SingleError(yaml), Pos(yaml, "asha"), "scheduler must be a mapping of keys to values");
    }

    [Fact]
    public void A_missing_kind_is_refused_naming_the_kinds()
    {
        var yaml = WithScheduler("{ grace_epochs: 2 }");
        AssertAt(SingleError(yaml), Pos(yaml, "{ grace_epochs"), "missing key 'kind' in scheduler: use asha, hyperband or median");
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_a_suggestion()
    {
        var yaml = WithScheduler("{ kind: ahsa }");
        AssertAt(SingleError(yaml), Pos(yaml, "ahsa"), "unknown scheduler kind 'ahsa': use asha, hyperband or median; did you mean 'asha'?");
    }

    [Fact]
    public void A_kind_that_is_not_text_is_refused()
    {
        var yaml = WithScheduler("{ kind: [asha] }");
        AssertAt(SingleError(yaml), Pos(yaml, "[asha]"), "scheduler.kind must be a text value");
    }

    [Fact]
    public void An_unknown_key_is_refused_with_a_suggestion()
    {
        var yaml = WithScheduler("{ kind: asha, grace: 2 }");
        AssertAt(SingleError(yaml), Pos(yaml, "grace:"), "unknown key 'grace' in scheduler; did you mean 'grace_epochs'?");
    }

    [Fact]
    public void A_median_key_under_asha_is_refused_saying_whose_it_is()
    {
        var yaml = WithScheduler("{ kind: asha, min_trials: 3 }");
        AssertAt(SingleError(yaml), Pos(yaml, "min_trials"),
            "scheduler.min_trials belongs to median, not asha: asha takes grace_epochs and reduction_factor");
    }

    [Fact]
    public void A_halving_key_under_median_is_refused_saying_whose_it_is()
    {
        var yaml = WithScheduler("{ kind: median, reduction_factor: 3 }");
        AssertAt(SingleError(yaml), Pos(yaml, "reduction_factor"),
            "scheduler.reduction_factor belongs to asha and hyperband, not median: median takes warmup_epochs and min_trials");
    }

    [Theory]
    [InlineData("asha")]
    [InlineData("hyperband")]
    public void Grace_below_one_is_refused(string kind)
    {
        var yaml = WithScheduler($"{{ kind: {kind}, grace_epochs: 0 }}");
        AssertAt(SingleError(yaml), Pos(yaml, "grace_epochs: 0", "grace_epochs: ".Length), "scheduler.grace_epochs must be at least 1 (got 0)");
    }

    [Theory]
    [InlineData("asha", 9)]
    [InlineData("hyperband", 12)]
    public void Grace_at_or_above_the_training_epochs_is_refused(string kind, int grace)
    {
        var yaml = WithScheduler($"{{ kind: {kind}, grace_epochs: {grace} }}");
        AssertAt(SingleError(yaml), Pos(yaml, $"grace_epochs: {grace}", "grace_epochs: ".Length),
            $"scheduler.grace_epochs ({grace}) must be below training.epochs (9): no trial stops before its grace epochs, so none could stop");
    }

    [Fact]
    public void The_default_grace_with_a_single_training_epoch_is_refused_at_the_scheduler()
    {
        var yaml = WithScheduler("{ kind: asha }", Replaced("epochs: 9", "epochs: 1"));
        AssertAt(SingleError(yaml), Pos(yaml, "{ kind: asha"), "scheduler.grace_epochs (1, the default) must be below training.epochs (1)");
    }

    [Theory]
    [InlineData("asha")]
    [InlineData("hyperband")]
    public void Reduction_factor_below_two_is_refused(string kind)
    {
        var yaml = WithScheduler($"{{ kind: {kind}, reduction_factor: 1 }}");
        AssertAt(SingleError(yaml), Pos(yaml, "reduction_factor: 1", "reduction_factor: ".Length), "scheduler.reduction_factor must be at least 2 (got 1)");
    }

    [Fact]
    public void A_fractional_reduction_factor_is_refused()
    {
        var yaml = WithScheduler("{ kind: asha, reduction_factor: 2.5 }");
        AssertAt(SingleError(yaml), Pos(yaml, "2.5"), "scheduler.reduction_factor must be a whole number (got '2.5')");
    }

    [Fact]
    public void A_reduction_factor_too_large_for_the_scheduler_is_refused()
    {
        var yaml = WithScheduler("{ kind: hyperband, reduction_factor: 3000000000 }");
        AssertAt(SingleError(yaml), Pos(yaml, "3000000000"), "scheduler.reduction_factor is too large");
    }

    [Fact]
    public void Negative_warmup_is_refused()
    {
        var yaml = WithScheduler("{ kind: median, warmup_epochs: -1 }");
        AssertAt(SingleError(yaml), Pos(yaml, "-1"), "scheduler.warmup_epochs must be at least 0 (got -1)");
    }

    [Fact]
    public void Warmup_at_or_above_the_training_epochs_is_refused()
    {
        var yaml = WithScheduler("{ kind: median, warmup_epochs: 9 }");
        AssertAt(SingleError(yaml), Pos(yaml, "warmup_epochs: 9", "warmup_epochs: ".Length), "scheduler.warmup_epochs (9) must be below training.epochs (9)");
    }

    [Fact]
    public void Min_trials_below_one_is_refused()
    {
        var yaml = WithScheduler("{ kind: median, min_trials: 0 }");
        AssertAt(SingleError(yaml), Pos(yaml, "min_trials: 0", "min_trials: ".Length), "scheduler.min_trials must be at least 1 (got 0)");
    }

    [Theory]
    [InlineData("sparsity")]
    [InlineData("active_inputs")]
    public void A_metric_measured_only_at_the_end_is_refused_naming_those_that_can_be_used(string metric)
    {
        var yaml = WithScheduler("{ kind: median }", Replaced("seed: 1", $"seed: 1\nmetric: {metric}"));
        AssertAt(SingleError(yaml), Pos(yaml, "{ kind: median"),
            $"scheduler median needs a metric reported after every epoch, and '{metric}' is measured only at the end: "
            + "rank by val_loss, val_accuracy, train_loss, or remove the scheduler");
    }

    [Theory]
    [InlineData("val_loss")]
    [InlineData("val_accuracy")]
    [InlineData("train_loss")]
    public void A_metric_reported_every_epoch_is_accepted(string metric)
    {
        var yaml = WithScheduler("{ kind: asha }", Replaced("seed: 1", $"seed: 1\nmetric: {metric}"));
        Assert.Equal(new AshaSpec(), Parse(yaml).Scheduler);
    }

    [Fact]
    public void Sweeping_epochs_is_refused_because_the_scheduler_works_up_to_training_epochs()
    {
        var yaml = WithScheduler("{ kind: hyperband }", Base + "\n  epochs: { values: [3, 9] }");
        AssertAt(SingleError(yaml), Pos(yaml, "epochs: {"),
            "parameters.epochs cannot be swept with scheduler hyperband: every trial runs up to training.epochs");
    }

    [Fact]
    public void Every_scheduler_error_is_reported_at_once()
    {
        // given a scheduler with a bad grace, a bad factor, and a median key, over a metric measured only at the end
        var yaml = WithScheduler("{ kind: asha, grace_epochs: 0, reduction_factor: 1, warmup_epochs: 2 }",
            Replaced("seed: 1", "seed: 1\nmetric: sparsity"));

        // when it is parsed
        var errors = Errors(yaml);

        // then all four are reported, in file order
        Assert.Equal(4, errors.Count);
        AssertAt(errors[0], Pos(yaml, "{ kind: asha"), "'sparsity' is measured only at the end");
        AssertAt(errors[1], Pos(yaml, "0, reduction"), "scheduler.grace_epochs must be at least 1");
        AssertAt(errors[2], Pos(yaml, "1, warmup"), "scheduler.reduction_factor must be at least 2");
        AssertAt(errors[3], Pos(yaml, "warmup_epochs"), "scheduler.warmup_epochs belongs to median, not asha");
    }
}
