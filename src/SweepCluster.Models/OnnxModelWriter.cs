using System.Text.Json;
using Google.Protobuf;
using Onnx;
using SweepCluster.Core.Models;

namespace SweepCluster.Models;

/// <summary>
/// The ONNX form of a <see cref="TrainedModel"/> (opset 17): input <c>features</c> float32 <c>[N, F]</c> (the raw columns),
/// <c>Sub</c>/<c>Div</c> by the training split's mean and standard deviation, one <c>Gemm</c> per layer with <c>Relu</c>
/// between them (no dropout: it only acts in training), and outputs <c>probabilities</c> <c>[N, C]</c> (<c>Softmax</c> of
/// the logits) and <c>label</c> <c>[N]</c> (the class label string of the largest probability, by <c>ArgMax</c> and
/// <c>Gather</c> from the labels). The feature names and class labels are in the metadata as JSON arrays. A regression model
/// instead ends in <c>Mul</c> by the target's standard deviation and <c>Add</c> of its mean: one output, <c>prediction</c>
/// <c>[N, 1]</c>, in the target's units.
/// </summary>
public static class OnnxModelWriter
{
    public const long Opset = 17;

    /// <summary>IR version 8 is the one opset 17 came with; any runtime that reads opset 17 reads it.</summary>
    public const long IrVersion = 8;

    public const string FeaturesInput = "features";
    public const string ProbabilitiesOutput = "probabilities";
    public const string LabelOutput = "label";
    public const string PredictionOutput = "prediction";

    public static byte[] Build(TrainedModel model, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var regression = model.Task == Core.Sweeps.SweepTask.Regression;
        var graph = new GraphProto { Name = "sweepcluster_ffnn" };
        graph.Input.Add(TensorValue(FeaturesInput, TensorProto.Types.DataType.Float, "N", model.Inputs));
        graph.Initializer.Add(FloatTensor("input_mean", model.InputMean));
        graph.Initializer.Add(FloatTensor("input_std", model.InputStd));
        graph.Node.Add(Node("Sub", [FeaturesInput, "input_mean"], "centered"));
        graph.Node.Add(Node("Div", ["centered", "input_std"], "standardized"));
        var x = "standardized";
        for (var i = 0; i < model.Layers.Count; i++)
        {
            graph.Initializer.Add(FloatTensor($"layers.{i}.weight", model.Layers[i].Weight));
            graph.Initializer.Add(FloatTensor($"layers.{i}.bias", model.Layers[i].Bias));
            var linear = i + 1 < model.Layers.Count ? $"linear_{i}" : "logits";
            var gemm = Node("Gemm", [x, $"layers.{i}.weight", $"layers.{i}.bias"], linear);
            gemm.Attribute.Add(IntAttribute("transB", 1)); // the weights are [out, in], as nn.Linear holds them
            graph.Node.Add(gemm);
            x = linear;
            if (i + 1 < model.Layers.Count)
            {
                graph.Node.Add(Node("Relu", [linear], $"relu_{i}"));
                x = $"relu_{i}";
            }
        }
        if (regression)
        {
            AddPrediction(graph, model);
        }
        else
        {
            AddClassification(graph, model);
        }
        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "sweepcluster",
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        proto.MetadataProps.Add(Entry("features", JsonSerializer.Serialize(model.Features)));
        proto.MetadataProps.Add(Entry("classes", JsonSerializer.Serialize(model.Classes)));
        proto.MetadataProps.Add(Entry("task", regression ? "regression" : "classification"));
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            proto.MetadataProps.Add(Entry(key, value));
        }
        return proto.ToByteArray();
    }

    /// <summary>Softmax of the logits (<c>probabilities</c>) and the label of the largest (<c>label</c>).</summary>
    private static void AddClassification(GraphProto graph, TrainedModel model)
    {
        graph.Output.Add(TensorValue(ProbabilitiesOutput, TensorProto.Types.DataType.Float, "N", model.Outputs));
        graph.Output.Add(TensorValue(LabelOutput, TensorProto.Types.DataType.String, "N"));
        graph.Initializer.Add(StringTensor("classes", model.Classes));
        var softmax = Node("Softmax", ["logits"], ProbabilitiesOutput);
        softmax.Attribute.Add(IntAttribute("axis", 1));
        graph.Node.Add(softmax);
        var argmax = Node("ArgMax", [ProbabilitiesOutput], "class_index");
        argmax.Attribute.Add(IntAttribute("axis", 1));
        argmax.Attribute.Add(IntAttribute("keepdims", 0));
        graph.Node.Add(argmax);
        graph.Node.Add(Node("Gather", ["classes", "class_index"], LabelOutput));
    }

    /// <summary>The network learnt the standardised target: <c>prediction = output · target_std + target_mean</c>, in the target's units.</summary>
    private static void AddPrediction(GraphProto graph, TrainedModel model)
    {
        graph.Output.Add(TensorValue(PredictionOutput, TensorProto.Types.DataType.Float, "N", 1));
        graph.Initializer.Add(FloatTensor("target_std", ModelTensor.FromFloats([(float)model.TargetStd], 1)));
        graph.Initializer.Add(FloatTensor("target_mean", ModelTensor.FromFloats([(float)model.TargetMean], 1)));
        graph.Node.Add(Node("Mul", ["logits", "target_std"], "scaled"));
        graph.Node.Add(Node("Add", ["scaled", "target_mean"], PredictionOutput));
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static AttributeProto IntAttribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static TensorProto FloatTensor(string name, ModelTensor tensor)
    {
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(tensor.Data) };
        proto.Dims.AddRange(tensor.Shape.Select(d => (long)d));
        return proto;
    }

    private static TensorProto StringTensor(string name, IReadOnlyList<string> values)
    {
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.String };
        proto.Dims.Add(values.Count);
        proto.StringData.AddRange(values.Select(ByteString.CopyFromUtf8));
        return proto;
    }

    private static ValueInfoProto TensorValue(string name, TensorProto.Types.DataType type, string rows, int? columns = null)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = rows });
        if (columns is { } c)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = c });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static StringStringEntryProto Entry(string key, string value) => new() { Key = key, Value = value };
}
