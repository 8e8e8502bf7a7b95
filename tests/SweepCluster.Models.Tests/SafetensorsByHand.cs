using System.Buffers.Binary;
using System.Text.Json;
using SweepCluster.Core.Models;

namespace SweepCluster.Models.Tests;

/// <summary>
/// Reads a safetensors file from the format's description alone (8-byte little-endian header length, JSON header,
/// data), not with the writer's own reader: a file only our reader understands would pass a round trip and fail in Python.
/// </summary>
internal static class SafetensorsByHand
{
    public static Dictionary<string, ModelTensor> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal(0, length % 8);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, length));
        var tensors = new Dictionary<string, ModelTensor>();
        foreach (var entry in header.RootElement.EnumerateObject().Where(e => e.Name != "__metadata__"))
        {
            Assert.Equal("F32", entry.Value.GetProperty("dtype").GetString());
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            Assert.Equal(shape.Aggregate(1, (a, b) => a * b) * 4, offsets[1] - offsets[0]);
            tensors[entry.Name] = new ModelTensor(shape, bytes[(8 + length + offsets[0])..(8 + length + offsets[1])]);
        }
        return tensors;
    }
}
