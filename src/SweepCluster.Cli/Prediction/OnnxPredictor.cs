using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SweepCluster.Models;

namespace SweepCluster.Cli.Prediction;

/// <summary>
/// Runs a model folder's model.onnx on ONNX Runtime, in chunks of rows so that memory stays bounded for a large file.
/// The same file a user deploys is the one predict runs, and no libtorch is needed (see docs/architecture.md).
/// </summary>
public sealed class OnnxPredictor : IDisposable
{
    private const int ChunkRows = 65536;

    private readonly InferenceSession session;

    public OnnxPredictor(string modelFolder)
    {
        Card = ModelFolder.ReadCard(modelFolder);
        session = new InferenceSession(Path.Combine(modelFolder, ModelFolder.Onnx));
    }

    public ModelCard Card { get; }

    /// <summary>Each row's label and class probabilities (in <see cref="ModelCard.Classes"/> order).</summary>
    public IEnumerable<(string Label, float[] Probabilities)> Predict(FeatureTable table)
    {
        for (var start = 0; start < table.Rows; start += ChunkRows)
        {
            var rows = Math.Min(ChunkRows, table.Rows - start);
            var input = new DenseTensor<float>(table.Values.AsMemory(start * table.Features, rows * table.Features), [rows, table.Features]);
            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(OnnxModelWriter.FeaturesInput, input)]);
            var probabilities = outputs.First(o => o.Name == OnnxModelWriter.ProbabilitiesOutput).AsTensor<float>();
            var labels = outputs.First(o => o.Name == OnnxModelWriter.LabelOutput).AsTensor<string>();
            var classes = (int)probabilities.Dimensions[1];
            for (var r = 0; r < rows; r++)
            {
                var row = new float[classes];
                for (var c = 0; c < classes; c++)
                {
                    row[c] = probabilities[r, c];
                }
                yield return (labels[r], row);
            }
        }
    }

    /// <summary>Each row's prediction, in the target's units (a regression model).</summary>
    public IEnumerable<float> PredictValues(FeatureTable table)
    {
        for (var start = 0; start < table.Rows; start += ChunkRows)
        {
            var rows = Math.Min(ChunkRows, table.Rows - start);
            var input = new DenseTensor<float>(table.Values.AsMemory(start * table.Features, rows * table.Features), [rows, table.Features]);
            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(OnnxModelWriter.FeaturesInput, input)]);
            var predictions = outputs.First(o => o.Name == OnnxModelWriter.PredictionOutput).AsTensor<float>();
            for (var r = 0; r < rows; r++)
            {
                yield return predictions[r, 0];
            }
        }
    }

    public void Dispose() => session.Dispose();
}
