using SweepCluster.Core.Sweeps;
using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Regression;

public class RegressionParsingTests
{
    /// <summary>A valid regression sweep; tests replace lines of it to introduce one mistake at a known place.</summary>
    private const string Regression = """
        name: r
        method: grid
        seed: 1
        task: regression
        metric: { name: val_r2 }
        data:
          synthetic: { samples: 100, features: 6, noise: 0.5, seed: 2 }
        model: { widths: [8] }
        training: { epochs: 2, loss: huber, huber_delta: 0.5 }
        parameters:
          lambda: { values: [0.0, 1.0e-3] }
        """;

    [Fact]
    public void A_regression_sweep_reads_its_task_loss_metric_and_one_output()
    {
        // when the regression example text is parsed
        var sweep = Parse(Regression);

        // then the task is on the data, the network has one output, and val_r2 is maximised
        Assert.Equal(SweepTask.Regression, sweep.Data.Task);
        Assert.Equal(1, sweep.Outputs);
        Assert.Equal(new MetricSpec("val_r2", MetricGoal.Maximize, SweepTask.Regression), sweep.Metric);
        Assert.Equal(LossKind.Huber, sweep.Training.Loss);
        Assert.Equal(0.5, sweep.Training.HuberDelta);
        var data = Assert.IsType<SyntheticDataSpec>(sweep.Data);
        Assert.Equal((6, SyntheticDataSpec.RegressionInformative, 0, 0.5), (data.Features, data.Informative, data.Classes, data.Noise));
    }

    [Fact]
    public void A_sweep_without_task_is_classification_and_ranks_by_cross_entropy()
    {
        var sweep = Parse(Valid);

        Assert.Equal(SweepTask.Classification, sweep.Data.Task);
        Assert.Equal(MetricSpec.Default, sweep.Metric);
        Assert.Equal(LossKind.Mse, sweep.Training.Loss);
    }

    [Fact]
    public void Regression_without_a_metric_ranks_by_its_val_loss_minimised()
    {
        var sweep = Parse(Regression.Replace("metric: { name: val_r2 }\n", ""));

        Assert.Equal(new MetricSpec("val_loss", MetricGoal.Minimize, SweepTask.Regression), sweep.Metric);
    }

    [Theory]
    [InlineData("val_rmse", MetricGoal.Minimize)]
    [InlineData("val_mae", MetricGoal.Minimize)]
    [InlineData("val_r2", MetricGoal.Maximize)]
    public void Regression_metrics_have_their_goals(string metric, MetricGoal goal)
    {
        var sweep = Parse(Regression.Replace("metric: { name: val_r2 }", $"metric: {metric}"));

        Assert.Equal(goal, sweep.Metric.Goal);
    }

    [Fact]
    public void Outputs_above_one_are_refused_in_a_regression_sweep()
    {
        var yaml = Regression.Replace("model: { widths: [8] }", "model: { outputs: 3, widths: [8] }");

        AssertAt(SingleError(yaml), Pos(yaml, "outputs: 3", "outputs: ".Length),
            "model.outputs must be 1 for task: regression (got 3): the network predicts one numeric target, and several target columns are not supported");
    }

    [Fact]
    public void A_classification_metric_is_refused_in_a_regression_sweep()
    {
        var yaml = Regression.Replace("metric: { name: val_r2 }", "metric: { name: val_accuracy }");

        AssertAt(SingleError(yaml), Pos(yaml, "val_accuracy"),
            "metric val_accuracy is for classification sweeps, and this sweep is task: regression: rank by one of val_loss, val_r2, val_rmse, val_mae, train_loss");
    }

    [Theory]
    [InlineData("val_r2")]
    [InlineData("val_rmse")]
    [InlineData("val_mae")]
    public void A_regression_metric_is_refused_in_a_classification_sweep(string metric)
    {
        var yaml = Valid.Replace("seed: 1", $"seed: 1\nmetric: {metric}");

        AssertAt(SingleError(yaml), Pos(yaml, metric),
            $"metric {metric} is for regression sweeps, and this sweep is task: classification: rank by one of val_loss, val_accuracy, train_loss");
    }

    [Fact]
    public void A_regression_loss_is_refused_in_a_classification_sweep()
    {
        var yaml = Valid.Replace("training: { epochs: 2 }", "training: { epochs: 2, loss: huber }");

        AssertAt(SingleError(yaml), Pos(yaml, "loss: huber"),
            "training.loss applies only to task: regression (a classification sweep trains on cross-entropy)");
    }

    [Fact]
    public void An_unknown_task_is_refused_with_a_suggestion()
    {
        var yaml = Regression.Replace("task: regression", "task: regresion");

        // (the file is then read as classification, so its regression settings are refused too, after this first error)
        AssertAt(Errors(yaml)[0], Pos(yaml, "regresion"), "unknown task 'regresion': use classification or regression; did you mean 'regression'?");
    }

    [Fact]
    public void Classes_are_refused_for_the_regression_generator()
    {
        var yaml = Regression.Replace("noise: 0.5", "classes: 3");

        AssertAt(SingleError(yaml), Pos(yaml, "classes: 3"), "data.synthetic.classes does not apply to task: regression");
    }

    [Fact]
    public void A_swept_loss_packs_each_kind_apart()
    {
        // given a regression sweep that sweeps the loss
        var sweep = Parse(Regression.Replace("lambda: { values: [0.0, 1.0e-3] }", "loss: { values: [mse, huber] }"));

        // then its two trials differ in the pack key's loss (and the delta, which only Huber reads)
        var trials = sweep.ExpandTrials().ToList();
        Assert.Equal(["loss", "huber_delta"], Core.Trials.PackKey.For(trials[0]).DifferencesFrom(Core.Trials.PackKey.For(trials[1])));
    }
}
