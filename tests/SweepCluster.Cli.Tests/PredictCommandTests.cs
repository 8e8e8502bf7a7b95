using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using SweepCluster.Core.Trials;
using SweepCluster.Models;
using static SweepCluster.Cli.Tests.Support.CliRunner;

namespace SweepCluster.Cli.Tests;

/// <summary>
/// <c>predict</c> on a model folder written from known weights: one linear layer whose logits are the standardised
/// features themselves, so that the label is the feature with the larger standardised value.
/// </summary>
public sealed class PredictCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-predict-").FullName;

    public PredictCommandTests()
    {
        // a = 100 + 10·z_a, b = -5 + 0.1·z_b: the label is "high_a" when z_a > z_b
        var model = new TrainedModel(["a", "b"], ["high_a", "high_b"],
            ModelTensor.FromFloats([100f, -5f], 2), ModelTensor.FromFloats([10f, 0.1f], 2),
            [new ModelLayer(ModelTensor.FromFloats([1f, 0f, 0f, 1f], 2, 2), ModelTensor.FromFloats([0f, 0f], 2))], 7, "answer");
        var entry = new LeaderboardEntry(0, [], new TrialResult("t-0", TrialStatus.Completed, null, null, []));
        ModelFolder.Write(ModelDir, model, entry, new ModelOrigin("t", "hash"));
    }

    private string ModelDir => Path.Combine(folder, "best");

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Columns_in_any_order_on_their_own_scales_give_string_labels_and_probabilities()
    {
        // given raw rows with the columns in another order than the model's, and the label column too
        var data = Csv("in.csv", "b,answer,a", "-4.9,?,100", "-5,?,130", "-5.3,?,90");

        // when predicted into a file
        var outFile = Path.Combine(folder, "out.csv");
        var (exitCode, _, error) = Invoke("predict", ModelDir, data, "--out", outFile);

        // then each row gets its label as the CSV's string and one probability per class, in model.json's order
        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var lines = File.ReadAllLines(outFile);
        Assert.Equal("label,p_high_a,p_high_b", lines[0]);
        Assert.Equal(["high_b", "high_a", "high_a"], lines.Skip(1).Select(l => l.Split(',')[0]));
        // row 1: z_a = 0, z_b = 1: softmax(0, 1) = (0.2689, 0.7311)
        var p = lines[1].Split(',').Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0.268941, p[0], 1e-5);
        Assert.Equal(0.731059, p[1], 1e-5);
    }

    [Fact]
    public void A_missing_feature_column_is_exit_2_naming_file_and_column()
    {
        var data = Csv("missing.csv", "a,answer", "100,x");
        var outFile = Path.Combine(folder, "out.csv");
        var (exitCode, _, error) = Invoke("predict", ModelDir, data, "--out", outFile);
        Assert.Equal(2, exitCode);
        Assert.Contains($"{data}: line 1: missing feature column 'b'", error);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public void An_extra_column_is_exit_2_naming_file_line_and_column()
    {
        var data = Csv("extra.csv", "a,b,c", "100,-5,1");
        var (exitCode, output, error) = Invoke("predict", ModelDir, data);
        Assert.Equal(2, exitCode);
        Assert.Contains($"{data}: line 1, column 3: 'c' is not a feature of the model", error);
        Assert.Empty(output);
    }

    [Fact]
    public void A_non_numeric_cell_is_exit_2_naming_file_line_and_column()
    {
        var data = Csv("text.csv", "b,a", "-5,100", "-5,hundred");
        var outFile = Path.Combine(folder, "out.csv");
        var (exitCode, _, error) = Invoke("predict", ModelDir, data, "--out", outFile);
        Assert.Equal(2, exitCode);
        Assert.Contains($"{data}: line 3, column 2 ('a'): 'hundred' is not a number", error);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_exit_2_naming_the_line()
    {
        var data = Csv("short.csv", "a,b", "100,-5", "100");
        var (exitCode, _, error) = Invoke("predict", ModelDir, data);
        Assert.Equal(2, exitCode);
        Assert.Contains($"{data}: line 3: 1 cells, but the header has 2 columns", error);
    }

    [Fact]
    public void A_model_folder_without_the_files_is_exit_2_naming_what_is_missing()
    {
        // given a folder that lost its model.onnx, and one that is not a model folder at all
        File.Delete(Path.Combine(ModelDir, ModelFolder.Onnx));
        var data = Csv("in.csv", "a,b", "100,-5");

        var (lostOnnx, _, lostError) = Invoke("predict", ModelDir, data);
        var (empty, _, emptyError) = Invoke("predict", folder, data);

        Assert.Equal(2, lostOnnx);
        Assert.Contains($"{ModelDir}: not a model folder: model.onnx missing", lostError);
        Assert.Equal(2, empty);
        Assert.Contains("model.onnx, model.safetensors, model.json missing", emptyError);
    }

    [Fact]
    public void A_missing_data_file_is_exit_2()
    {
        var (exitCode, _, error) = Invoke("predict", ModelDir, Path.Combine(folder, "nope.csv"));
        Assert.Equal(2, exitCode);
        Assert.Contains("nope.csv", error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
