using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests.Sweeps;

public class ExampleSweepTests
{
    /// <summary>Every sweep file in the repository, including ones added later.</summary>
    public static TheoryData<string> SweepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in FileNames())
        {
            data.Add(file);
        }
        return data;
    }

    private static List<string> FileNames() =>
    [
        .. Directory.EnumerateFiles(RepoRoot.Sweeps, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepoRoot.Sweeps, file))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_examples_are_there()
    {
        // Given the sweeps folder, when listed, then an example of each method, of early stopping and of input selection is among its files.
        var files = FileNames();
        Assert.Contains("asha-random.yaml", files);
        Assert.Contains("tpe-learning-rate.yaml", files);
        Assert.Contains("grid-small.yaml", files);
        Assert.Contains("random-lambda.yaml", files);
        Assert.Contains("sobol-lambda-dropout.yaml", files);
        Assert.Contains("csv-example.yaml", files);
        Assert.Contains("input-selection.yaml", files);
    }

    [Theory]
    [MemberData(nameof(SweepFiles))]
    public void Example_loads_and_expands_with_stable_ids(string relativePath)
    {
        // Given an example sweep file
        var sweep = SweepFile.Load(Path.Combine(RepoRoot.Sweeps, relativePath));

        // When it is expanded
        var trials = sweep.ExpandTrials().ToList();

        // Then every trial has the id of its index, and TrialAt rebuilds the same trial alone
        Assert.Equal(sweep.CountTrials(), trials.Count);
        Assert.NotEmpty(trials);
        for (var i = 0; i < trials.Count; i++)
        {
            Assert.Equal(TrialSpec.IdFor(sweep.Name, i), trials[i].Id);
            Assert.Equal(sweep.Parameters.Count, trials[i].SweptValues.Count);
            Assert.NotEmpty(trials[i].Widths);
            SweepText.AssertSameTrial(trials[i], sweep.TrialAt(i));
        }
        Assert.Equal(trials.Count, trials.Select(t => t.Seed).Distinct().Count());
    }

    [Theory]
    [InlineData("grid-small.yaml")]
    [InlineData("random-lambda.yaml")]
    [InlineData("sobol-lambda-dropout.yaml")]
    [InlineData("csv-example.yaml")]
    public void Example_keeps_its_training_small(string relativePath)
    {
        // Given one of the small examples (these may be run as they are), when expanded, then each trial is cheap
        var sweep = SweepFile.Load(Path.Combine(RepoRoot.Sweeps, relativePath));
        Assert.All(sweep.ExpandTrials(), t => Assert.InRange(t.Training.Epochs, 1, 10));
        if (sweep.Data is SyntheticDataSpec synthetic)
        {
            Assert.InRange(synthetic.Samples, 1, 2000);
        }
    }

    [Fact]
    public void The_design_documents_example_parses()
    {
        // Given the example sweep file of the project's design (the format: README, "A sweep file"; docs/architecture.md)
        const string yaml = """
            name: seed-ffnn-l1
            method: random            # grid | random (more may come)
            trials: 40                # random: how many; grid: the full product (error if over max_trials)
            seed: 42                  # everything random derives from it: same file, same trials, same results on CPU
            metric: { name: val_loss, goal: minimize }
            data:
              synthetic: { samples: 6000, features: 30, informative: 6, classes: 5, seed: 7 }
              # or: csv: { path: data/x.csv, label: target }   (path relative to the sweep file)
              validation_fraction: 0.2
            model: { outputs: 5 }     # inputs come from the data
            training: { epochs: 30, batch_size: 128, learning_rate: 1.0e-3, optimizer: adam, l1_mode: penalty }
            parameters:
              lambda:  { log_uniform: [1.0e-6, 1.0e-2] }     # or values: [...]
              dropout: { values: [0.0, 0.1, 0.2, 0.3] }      # or uniform: [a, b]
              widths:  { values: [[100, 200, 300, 100], [128, 64], [64]] }
            """;

        // When parsed, then it gives 40 trials of the stated shape
        var sweep = SweepFile.Parse(yaml, "seed-ffnn.yaml", RepoRoot.Sweeps);
        Assert.Equal(40, sweep.CountTrials());
        Assert.Equal(5, sweep.TrialAt(39).Outputs);
        Assert.Equal(["lambda", "dropout", "widths"], sweep.TrialAt(0).SweptValues.Select(v => v.Name));
    }

    [Fact]
    public void Input_selection_example_is_a_lambda_path_of_group_lasso_on_the_inputs_with_a_refit()
    {
        // Given the input-selection example, when loaded and expanded
        var sweep = SweepFile.Load(Path.Combine(RepoRoot.Sweeps, "input-selection.yaml"));
        var trials = sweep.ExpandTrials().ToList();

        // Then it is a grid over lambda from 0 upwards, in group mode on the inputs with a refit, on data with few informative inputs
        Assert.Equal(SearchMethod.Grid, sweep.Method);
        Assert.Equal(["lambda"], sweep.Parameters.Select(p => p.Name));
        Assert.Equal(0, trials[0].Lambda);
        Assert.Equal(trials.Select(t => t.Lambda).Order(), trials.Select(t => t.Lambda));
        Assert.All(trials, t => Assert.Equal((L1Mode.Group, L1Groups.Inputs), (t.Training.L1Mode, t.Training.L1Groups)));
        Assert.True(sweep.Training.RefitEpochs > 0);
        var data = Assert.IsType<SyntheticDataSpec>(sweep.Data);
        Assert.True(data.Informative * 5 <= data.Features, $"{data.Informative} of {data.Features} inputs informative");
    }

    [Fact]
    public void Csv_example_resolves_its_path_and_leaves_outputs_to_the_data()
    {
        // Given the CSV example, when loaded
        var sweep = SweepFile.Load(Path.Combine(RepoRoot.Sweeps, "csv-example.yaml"));

        // Then its path is absolute, next to the sweep file, and outputs are left to the labels (0 in a trial)
        var csv = Assert.IsType<CsvDataSpec>(sweep.Data);
        Assert.Equal(Path.Combine(RepoRoot.Sweeps, "data", "flowers.csv"), csv.Path);
        Assert.Equal("species", csv.Label);
        Assert.Equal(0.3, csv.ValidationFraction);
        Assert.Null(sweep.Outputs);
        Assert.Equal(0, sweep.TrialAt(0).Outputs);
        Assert.Equal(Path.Combine(RepoRoot.Sweeps, "csv-example.yaml"), sweep.SourcePath);
        Assert.Equal(File.ReadAllText(sweep.SourcePath), sweep.SourceText);
    }
}
