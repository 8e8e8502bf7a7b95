using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweepCluster.Core.Models;

namespace SweepCluster.Models;

/// <summary>
/// The safetensors form of a <see cref="TrainedModel"/>, in PyTorch's <c>nn.Linear</c> layout: <c>layers.{i}.weight</c>
/// <c>[out, in]</c>, <c>layers.{i}.bias</c> <c>[out]</c>, and <c>input_mean</c> and <c>input_std</c> (the training split's
/// standardisation), all F32; a regression model adds <c>target_mean</c> and <c>target_std</c> (<c>[1]</c>: its prediction is
/// <c>output · target_std + target_mean</c>). The format: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range (<c>data_offsets</c>, relative to the data), padded with spaces to a multiple of 8, then the data.
/// </summary>
public static class SafetensorsFile
{
    public static IReadOnlyList<KeyValuePair<string, ModelTensor>> Tensors(TrainedModel model) =>
    [
        new("input_mean", model.InputMean),
        new("input_std", model.InputStd),
        .. model.Layers.SelectMany((layer, i) => new KeyValuePair<string, ModelTensor>[]
        {
            new($"layers.{i}.weight", layer.Weight),
            new($"layers.{i}.bias", layer.Bias),
        }),
        .. model.Task == SweepCluster.Core.Sweeps.SweepTask.Regression
            ? new KeyValuePair<string, ModelTensor>[]
            {
                new("target_mean", ModelTensor.FromFloats([(float)model.TargetMean], 1)),
                new("target_std", ModelTensor.FromFloats([(float)model.TargetStd], 1)),
            }
            : [],
    ];

    public static void Write(Stream stream, TrainedModel model, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var tensors = Tensors(model);
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            header["__metadata__"] = new JsonObject(metadata.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        }
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            header[name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray([.. tensor.Shape.Select(d => (JsonNode?)JsonValue.Create(d))]),
                ["data_offsets"] = new JsonArray(JsonValue.Create(offset), JsonValue.Create(offset + tensor.Data.Length)),
            };
            offset += tensor.Data.Length;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        stream.Write(length);
        stream.Write(json);
        stream.Write(Enumerable.Repeat((byte)' ', padded - json.Length).ToArray());
        foreach (var (_, tensor) in tensors)
        {
            stream.Write(tensor.Data); // ModelTensor holds little-endian float32 already
        }
    }

    /// <summary>Every F32 tensor of a safetensors file by name; a malformed file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static IReadOnlyDictionary<string, ModelTensor> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw new InvalidDataException($"{path}: too short for a safetensors file");
        }
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > bytes.Length - 8)
        {
            throw new InvalidDataException($"{path}: header length {headerLength} exceeds the file");
        }
        var header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength))?.AsObject()
            ?? throw new InvalidDataException($"{path}: empty header");
        var data = 8 + (int)headerLength;
        var tensors = new Dictionary<string, ModelTensor>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__" || node is null)
            {
                continue;
            }
            if (node["dtype"]?.GetValue<string>() != "F32")
            {
                throw new InvalidDataException($"{path}: tensor {name} is not F32");
            }
            var shape = node["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray();
            var offsets = node["data_offsets"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            tensors[name] = new ModelTensor(shape, bytes[(data + (int)offsets[0])..(data + (int)offsets[1])]);
        }
        return tensors;
    }
}
