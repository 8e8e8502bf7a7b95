using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace SweepCluster.Models.Tests;

/// <summary>Runs an ONNX model on ONNX Runtime as a user would: raw features in, probabilities and labels out.</summary>
internal static class OnnxRun
{
    public static (float[,] Probabilities, string[] Labels) Predict(byte[] onnx, float[] features, int rows)
    {
        using var session = new InferenceSession(onnx);
        var columns = features.Length / rows;
        var input = new DenseTensor<float>(features, [rows, columns]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(OnnxModelWriter.FeaturesInput, input)]);
        var probabilities = outputs.First(o => o.Name == OnnxModelWriter.ProbabilitiesOutput).AsTensor<float>();
        var labels = outputs.First(o => o.Name == OnnxModelWriter.LabelOutput).AsTensor<string>();
        var classes = (int)probabilities.Dimensions[1];
        var values = new float[rows, classes];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < classes; c++)
            {
                values[r, c] = probabilities[r, c];
            }
        }
        return (values, [.. Enumerable.Range(0, rows).Select(r => labels[r])]);
    }
}
