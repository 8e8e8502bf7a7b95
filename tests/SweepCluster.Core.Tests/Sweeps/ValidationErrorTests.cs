using static SweepCluster.Core.Tests.SweepText;

namespace SweepCluster.Core.Tests.Sweeps;

public class ValidationErrorTests
{
    private static string With(string line, string replacement)
    {
        Assert.Contains(line, Valid);
        return Valid.Replace(line, replacement);
    }

    [Fact]
    public void Valid_text_parses()
    {
        var sweep = Parse(Valid);
        Assert.Equal("t", sweep.Name);
        Assert.Equal(2, sweep.CountTrials());
    }

    [Fact]
    public void Unknown_key_is_reported_with_its_position_and_a_suggestion()
    {
        var yaml = With("seed: 1", "sede: 1");
        AssertAt(SingleError(yaml), Pos(yaml, "sede"), "unknown key 'sede' in the sweep file; did you mean 'seed'?");
    }

    [Fact]
    public void Unknown_nested_key_is_reported_with_a_suggestion()
    {
        var yaml = With("training: { epochs: 2 }", "training: { epochs: 2, optimiser: adam }");
        AssertAt(SingleError(yaml), Pos(yaml, "optimiser"), "did you mean 'optimizer'?");
    }

    [Fact]
    public void Unknown_parameter_is_reported_with_a_suggestion()
    {
        var yaml = With("  lambda: {", "  lamda: {");
        AssertAt(SingleError(yaml), Pos(yaml, "lamda"), "did you mean 'lambda'?");
    }

    [Fact]
    public void Wrong_type_is_reported()
    {
        var yaml = With("epochs: 2", "epochs: two");
        AssertAt(SingleError(yaml), Pos(yaml, "two"), "training.epochs must be a whole number (got 'two')");
    }

    [Fact]
    public void Quoted_number_is_text_not_a_number()
    {
        var yaml = With("epochs: 2", "epochs: \"2\"");
        AssertAt(SingleError(yaml), Pos(yaml, "\"2\""), "whole number");
    }

    [Fact]
    public void Fractional_batch_size_is_refused()
    {
        var yaml = Valid + "\n  batch_size: { values: [32, 32.5] }";
        AssertAt(SingleError(yaml), Pos(yaml, "32.5"), "whole number");
    }

    [Fact]
    public void Unknown_optimizer_is_refused()
    {
        var yaml = Valid + "\n  optimizer: { values: [adam, adamw] }";
        AssertAt(SingleError(yaml), Pos(yaml, "adamw"), "must be one of adam, sgd");
    }

    [Fact]
    public void Dropout_of_one_is_refused()
    {
        var yaml = Valid + "\n  dropout: { values: [0.0, 1.0] }";
        AssertAt(SingleError(yaml), Pos(yaml, "1.0]"), "parameters.dropout.values entry must be in [0, 1)");
    }

    [Fact]
    public void Model_dropout_outside_range_is_refused()
    {
        var yaml = With("model: { widths: [8] }", "model: { widths: [8], dropout: -0.1 }");
        AssertAt(SingleError(yaml), Pos(yaml, "-0.1"), "model.dropout must be in [0, 1)");
    }

    [Fact]
    public void Negative_lambda_is_refused()
    {
        var yaml = With("[0.0, 1.0e-3]", "[0.0, -1.0e-3]");
        AssertAt(SingleError(yaml), Pos(yaml, "-1.0e-3"), "parameters.lambda.values entry must not be negative");
    }

    [Fact]
    public void Empty_widths_are_refused()
    {
        var yaml = With("widths: [8]", "widths: []");
        AssertAt(SingleError(yaml), Pos(yaml, "[]"), "non-empty list of positive integers");
    }

    [Fact]
    public void Non_positive_width_is_refused()
    {
        var yaml = With("widths: [8]", "widths: [8, 0]");
        AssertAt(SingleError(yaml), Pos(yaml, "[8, 0]"), "non-empty list of positive integers");
    }

    [Fact]
    public void Flat_widths_values_are_refused_with_a_hint()
    {
        var yaml = Valid + "\n  widths: { values: [128, 64] }";
        var errors = Errors(yaml);
        Assert.Equal(2, errors.Count);
        AssertAt(errors[0], Pos(yaml, "128"), "list of positive integers such as [128, 64]");
    }

    [Fact]
    public void Missing_widths_is_reported()
    {
        var yaml = With("model: { widths: [8] }", "model: { outputs: 3 }");
        AssertAt(SingleError(yaml), Pos(yaml, "{ outputs"), "no widths");
    }

    [Fact]
    public void Log_uniform_bound_of_zero_is_refused()
    {
        var yaml = With("method: grid", "method: random\ntrials: 4").Replace("{ values: [0.0, 1.0e-3] }", "{ log_uniform: [0, 1.0e-2] }");
        AssertAt(SingleError(yaml), Pos(yaml, "[0, 1.0e-2]"), "log_uniform bounds must be positive");
    }

    [Fact]
    public void Uniform_with_low_not_below_high_is_refused()
    {
        var yaml = With("method: grid", "method: random\ntrials: 4") + "\n  dropout: { uniform: [0.5, 0.1] }";
        AssertAt(SingleError(yaml), Pos(yaml, "[0.5, 0.1]"), "needs low < high");
    }

    [Fact]
    public void Grid_refuses_continuous_domain()
    {
        var yaml = With("{ values: [0.0, 1.0e-3] }", "{ log_uniform: [1.0e-6, 1.0e-2] }");
        AssertAt(SingleError(yaml), Pos(yaml, "lambda"), "grid search needs `values` for parameter 'lambda' (line 9)");
    }

    [Fact]
    public void Grid_over_max_trials_is_refused()
    {
        var yaml = With("seed: 1", "seed: 1\nmax_trials: 3") + "\n  dropout: { values: [0.0, 0.5] }";
        AssertAt(SingleError(yaml), Pos(yaml, "lambda"), "the grid has 4 trials (2 x 2), over max_trials (3)");
    }

    [Fact]
    public void Random_without_trials_is_refused()
    {
        var yaml = With("method: grid", "method: random");
        AssertAt(SingleError(yaml), Pos(yaml, "random"), "method random needs 'trials'");
    }

    [Fact]
    public void Sobol_without_trials_is_refused()
    {
        var yaml = With("method: grid", "method: sobol");
        AssertAt(SingleError(yaml), Pos(yaml, "sobol"), "method sobol needs 'trials'");
    }

    [Fact]
    public void Unknown_method_is_refused_with_a_suggestion()
    {
        var yaml = With("method: grid", "method: grdi");
        AssertAt(SingleError(yaml), Pos(yaml, "grdi"), "unknown method 'grdi': use grid, random, sobol or tpe; did you mean 'grid'?");
    }

    [Fact]
    public void Unknown_metric_is_refused_with_a_suggestion()
    {
        var yaml = With("seed: 1", "seed: 1\nmetric: { name: val_los }");
        AssertAt(SingleError(yaml), Pos(yaml, "val_los"), "unknown metric 'val_los'");
        Assert.Contains("did you mean 'val_loss'?", SingleError(yaml).Message);
    }

    [Fact]
    public void Missing_name_is_reported()
    {
        var yaml = With("name: t\n", "");
        AssertAt(SingleError(yaml), (1, 1), "missing key 'name'");
    }

    [Fact]
    public void Name_unfit_for_a_folder_is_refused()
    {
        var yaml = With("name: t", "name: ../runs/a b");
        AssertAt(SingleError(yaml), Pos(yaml, "../runs"), "not fit for a folder name");
    }

    [Fact]
    public void Validation_fraction_outside_zero_one_is_refused()
    {
        var yaml = With("  synthetic:", "  validation_fraction: 1.5\n  synthetic:");
        AssertAt(SingleError(yaml), Pos(yaml, "1.5"), "data.validation_fraction must be in (0, 1)");
    }

    [Fact]
    public void More_informative_features_than_features_is_refused()
    {
        var yaml = With("informative: 2", "informative: 5");
        AssertAt(SingleError(yaml), Pos(yaml, "informative: 5", "informative: ".Length), "informative (5) must not exceed features (4)");
    }

    [Fact]
    public void Fewer_than_two_classes_is_refused()
    {
        var yaml = With("classes: 3", "classes: 1");
        AssertAt(SingleError(yaml), Pos(yaml, "classes: 1", "classes: ".Length), "data.synthetic.classes must be at least 2");
    }

    [Fact]
    public void Outputs_other_than_the_synthetic_classes_are_refused()
    {
        var yaml = With("model: { widths: [8] }", "model: { widths: [8], outputs: 4 }");
        AssertAt(SingleError(yaml), Pos(yaml, "{ widths: [8], outputs"), "model.outputs (4) must equal data.synthetic.classes (3)");
    }

    [Fact]
    public void Missing_csv_file_is_reported()
    {
        var yaml = With("synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }",
            "csv: { path: data/nope.csv, label: species }");
        AssertAt(SingleError(yaml), Pos(yaml, "data/nope.csv"), "CSV file 'data/nope.csv' does not exist");
    }

    [Fact]
    public void Both_synthetic_and_csv_are_refused()
    {
        var yaml = With("  synthetic:", "  csv: { path: data/flowers.csv, label: species }\n  synthetic:");
        AssertAt(SingleError(yaml), Pos(yaml, "csv:"), "data has both synthetic and csv");
    }

    [Fact]
    public void Neither_synthetic_nor_csv_is_refused()
    {
        var yaml = With("  synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }", "  validation_fraction: 0.2");
        AssertAt(SingleError(yaml), Pos(yaml, "validation_fraction"), "data needs synthetic or csv");
    }

    [Fact]
    public void Continuous_domain_on_a_word_parameter_is_refused()
    {
        var yaml = With("method: grid", "method: random\ntrials: 3") + "\n  optimizer: { uniform: [0, 1] }";
        AssertAt(SingleError(yaml), Pos(yaml, "[0, 1]"), "optimizer is not numeric, so it takes only `values");
    }

    [Fact]
    public void Quantization_step_must_be_positive()
    {
        var yaml = With("method: grid", "method: random\ntrials: 3") + "\n  dropout: { uniform: [0.0, 0.5], q: 0 }";
        AssertAt(SingleError(yaml), Pos(yaml, "q: 0", 3), "q must be positive");
    }

    [Fact]
    public void Syntax_error_is_reported_with_its_position()
    {
        var error = SingleError("name: t\nmethod: [grid\n");
        Assert.True(error.Line > 0);
        Assert.Contains("YAML syntax", error.Message);
    }

    [Fact]
    public void Duplicate_key_is_reported()
    {
        var yaml = Valid + "\nseed: 2";
        AssertAt(SingleError(yaml), (10, 1), "duplicate key 'seed'");
    }

    [Fact]
    public void All_errors_of_a_file_are_reported_at_once()
    {
        // Given a file with three unrelated mistakes
        var yaml = Valid.Replace("seed: 1", "sede: 1").Replace("epochs: 2", "epochs: 0").Replace("[0.0, 1.0e-3]", "[-1.0]");

        // When it is parsed
        var errors = Errors(yaml);

        // Then every one of them is reported, in file order
        Assert.Equal(3, errors.Count);
        AssertAt(errors[0], Pos(yaml, "sede"), "unknown key 'sede'");
        AssertAt(errors[1], Pos(yaml, "0 }"), "training.epochs must be at least 1");
        AssertAt(errors[2], Pos(yaml, "-1.0"), "parameters.lambda.values entry must not be negative");
    }

    [Fact]
    public void Errors_print_as_file_line_column_message()
    {
        var error = SingleError(With("seed: 1", "sede: 1"));
        Assert.StartsWith("test.yaml:3:1: unknown key 'sede'", error.ToString());
    }
}
