using SweepCluster.Core.Sweeps;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Sweeps;

public class SettingsTests
{
    [Fact]
    public void Defaults_apply_to_keys_left_out()
    {
        // Given the minimal valid sweep, when parsed, then unspecified keys take their documented defaults
        var sweep = Parse(Valid);
        Assert.Equal(SweepDefinition.DefaultMaxTrials, sweep.MaxTrials);
        Assert.Equal(MetricSpec.Default, sweep.Metric);
        Assert.Null(sweep.Trials);
        Assert.Equal(TrainingSettings.Default with { Epochs = 2 }, sweep.Training);
        Assert.Equal(0, sweep.Dropout);
        Assert.Equal(3, sweep.Outputs);
        var data = Assert.IsType<SyntheticDataSpec>(sweep.Data);
        Assert.Equal(new SyntheticDataSpec(100, 4, 2, 3, 2, 0.2), data);
    }

    [Fact]
    public void Every_training_setting_is_read()
    {
        var yaml = Valid.Replace("training: { epochs: 2 }", """
            training:
              epochs: 4
              batch_size: 16
              learning_rate: 0.01
              optimizer: SGD
              l1_mode: group
              l1_groups: both
              include_biases: true
              patience: 2
              refit_epochs: 3
              momentum: 0.5
              sparsity_threshold: 1.0e-4
              threads: 2
            """);
        var expected = new TrainingSettings(4, 16, 0.01, OptimizerKind.Sgd, L1Mode.Group, L1Groups.Both, true, 2, 3, 0.5, 1e-4, 2);
        Assert.Equal(expected, Parse(yaml).Training);
        Assert.Equal(expected, Parse(yaml).TrialAt(1).Training);
    }

    [Fact]
    public void Training_device_is_refused_saying_the_worker_chooses_it_now()
    {
        // given a sweep written before the device moved to the worker
        var yaml = Valid.Replace("training: { epochs: 2 }", "training: { epochs: 2, device: cuda:0 }");

        // then the one error points at the key and says where the device is chosen now
        AssertAt(SingleError(yaml), Pos(yaml, "device"), "training.device: the device is chosen by the worker now, not by the sweep: "
            + "remove it and pass --devices to run or worker");
    }

    [Fact]
    public void Swept_device_is_refused_saying_the_worker_chooses_it_now()
    {
        var yaml = Valid + "\n  device: { values: [cpu, \"cuda:0\"] }";

        AssertAt(SingleError(yaml), Pos(yaml, "device"), "parameters.device: the device is chosen by the worker now");
    }

    [Fact]
    public void Swept_training_settings_override_the_base_ones()
    {
        var yaml = Valid + "\n  optimizer: { values: [sgd] }\n  include_biases: { values: [true] }\n  momentum: { values: [0.7] }";
        var trial = Parse(yaml).TrialAt(0);
        Assert.Equal(OptimizerKind.Sgd, trial.Training.Optimizer);
        Assert.True(trial.Training.IncludeBiases);
        Assert.Equal(0.7, trial.Training.Momentum);
        Assert.Equal(2, trial.Training.Epochs);
    }

    [Theory]
    [InlineData("val_loss", MetricGoal.Minimize)]
    [InlineData("val_accuracy", MetricGoal.Maximize)]
    [InlineData("train_loss", MetricGoal.Minimize)]
    [InlineData("sparsity", MetricGoal.Maximize)]
    [InlineData("l1_norm", MetricGoal.Minimize)]
    [InlineData("active_inputs", MetricGoal.Minimize)]
    public void Metric_goal_defaults_by_metric(string name, MetricGoal goal)
    {
        Assert.Equal(new MetricSpec(name, goal), Parse(Valid + $"\nmetric: {{ name: {name} }}").Metric);
        Assert.Equal(new MetricSpec(name, goal), Parse(Valid + $"\nmetric: {name}").Metric);
    }

    [Fact]
    public void Metric_goal_can_be_given()
    {
        Assert.Equal(MetricGoal.Maximize, Parse(Valid + "\nmetric: { name: val_loss, goal: maximize }").Metric.Goal);
    }

    [Fact]
    public void Cut_short_metric_name_gets_a_suggestion()
    {
        var yaml = Valid + "\nmetric: { name: val_acc }";
        AssertAt(SingleError(yaml), Pos(yaml, "val_acc"), "did you mean 'val_accuracy'?");
    }

    [Fact]
    public void Csv_outputs_when_given_must_be_at_least_two()
    {
        var yaml = Valid.Replace("synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }",
            "csv: { path: data/flowers.csv, label: species }").Replace("widths: [8]", "widths: [8], outputs: 1");
        AssertAt(SingleError(yaml), Pos(yaml, "outputs: 1", "outputs: ".Length), "model.outputs must be at least 2");
        Assert.Equal(3, Parse(yaml.Replace("outputs: 1", "outputs: 3")).TrialAt(0).Outputs);
    }

    [Fact]
    public void Csv_split_seed_is_read()
    {
        var yaml = Valid.Replace("synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }",
            "csv: { path: data/flowers.csv, label: species, split_seed: 9 }");
        Assert.Equal(9, Assert.IsType<CsvDataSpec>(Parse(yaml).Data).SplitSeed);
    }

    [Fact]
    public void Parameters_keep_file_order_and_positions()
    {
        var yaml = Valid + "\n  dropout: { values: [0.1] }";
        var parameters = Parse(yaml).Parameters;
        Assert.Equal(["lambda", "dropout"], parameters.Select(p => p.Name));
        Assert.Equal(Pos(yaml, "dropout:"), (parameters[1].Line, parameters[1].Column));
        Assert.Equal(new ValuesDomain([new NumberValue(0.1)]).Key, parameters[1].Domain.Key);
    }

    [Fact]
    public void Domains_are_read_as_records()
    {
        var yaml = Valid.Replace("method: grid", "method: random\ntrials: 2") + """

              dropout: { uniform: [0.0, 0.5], q: 0.1 }
              epochs: { int_uniform: [1, 9], q: 2 }
              learning_rate: { log_uniform: [1.0e-4, 1.0e-2] }
            """;
        var domains = Parse(yaml).Parameters.Select(p => p.Domain).ToList();
        Assert.Equal(new UniformDomain(0.0, 0.5, 0.1), domains[1]);
        Assert.Equal(new IntUniformDomain(1, 9, 2), domains[2]);
        Assert.Equal(new LogUniformDomain(1e-4, 1e-2), domains[3]);
    }
}
