using System.Globalization;

namespace SweepCluster.Core.Devices;

/// <summary>
/// The devices a node's workers train on, as written after <c>--devices</c>: <c>auto</c> (every visible GPU, else
/// the CPU), <c>cpu</c>, <c>cuda</c> (every visible GPU) or <c>cuda:0,2</c> (those GPUs). <paramref name="CudaIndices"/>
/// is empty unless indices were named. Parsing needs no native library; which devices exist is the trainer's to check.
/// </summary>
public sealed record DeviceRequest(DeviceKind Kind, IReadOnlyList<int> CudaIndices)
{
    public const string Usage = "auto, cpu, cuda or cuda:N[,N...] (e.g. cuda:0,2)";

    public static DeviceRequest Auto { get; } = new(DeviceKind.Auto, []);

    public static DeviceRequest Cpu { get; } = new(DeviceKind.Cpu, []);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming <paramref name="source"/> and what is wrong.</summary>
    public static DeviceRequest Parse(string text, string source = "--devices")
    {
        var trimmed = text.Trim().ToLowerInvariant();
        switch (trimmed)
        {
            case "auto":
                return Auto;
            case "cpu":
                return Cpu;
            case "cuda":
                return new DeviceRequest(DeviceKind.Cuda, []);
        }
        if (!trimmed.StartsWith("cuda:", StringComparison.Ordinal))
        {
            throw new FormatException($"{source}: '{text}' is not a device list: use {Usage}");
        }
        var indices = new List<int>();
        foreach (var part in trimmed["cuda:".Length..].Split(','))
        {
            var item = part.Trim().StartsWith("cuda:", StringComparison.Ordinal) ? part.Trim()["cuda:".Length..] : part.Trim();
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw new FormatException($"{source}: '{part.Trim()}' in '{text}' is not a GPU index (0, 1, ...): use {Usage}");
            }
            if (indices.Contains(index))
            {
                throw new FormatException($"{source}: GPU {index} is named twice in '{text}'");
            }
            indices.Add(index);
        }
        return new DeviceRequest(DeviceKind.Cuda, indices);
    }

    public override string ToString() => Kind switch
    {
        DeviceKind.Cuda when CudaIndices.Count > 0 => "cuda:" + string.Join(',', CudaIndices),
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
