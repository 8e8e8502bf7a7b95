using System.Buffers.Binary;

namespace SweepCluster.Core.Models;

/// <summary>
/// A float32 tensor of a trained model: its shape and its values as little-endian bytes, row-major. Bytes, not a float
/// array, because System.Text.Json writes a byte array as one base64 string: a model crosses the wire in about a third
/// more than its raw size, where a JSON number array would take three to four times it.
/// </summary>
public sealed record ModelTensor(IReadOnlyList<int> Shape, byte[] Data)
{
    public int Count => Data.Length / sizeof(float);

    public static ModelTensor FromFloats(IReadOnlyList<float> values, params int[] shape)
    {
        var expected = shape.Aggregate(1, (a, b) => a * b);
        if (expected != values.Count)
        {
            throw new ArgumentException($"{values.Count} values for shape [{string.Join(", ", shape)}]", nameof(values));
        }
        var data = new byte[values.Count * sizeof(float)];
        for (var i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * sizeof(float)), values[i]);
        }
        return new ModelTensor(shape, data);
    }

    public float[] ToFloats()
    {
        var values = new float[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(Data.AsSpan(i * sizeof(float)));
        }
        return values;
    }
}
