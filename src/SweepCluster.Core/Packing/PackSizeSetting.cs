using System.Globalization;

namespace SweepCluster.Core.Packing;

/// <summary>
/// <c>--pack-size auto|off|N</c>: how many compatible trials a worker slot may train as one stacked model.
/// <c>auto</c> lets the worker measure what pays on its device (and never pack where it loses), <c>off</c> is one
/// trial at a time, <c>N</c> packs up to N.
/// </summary>
public sealed record PackSizeSetting(PackSizeMode Mode, int Size)
{
    public const string Usage = "auto, off or a whole number of trials (1 = off)";

    public static PackSizeSetting Auto { get; } = new(PackSizeMode.Auto, 0);

    public static PackSizeSetting Off { get; } = new(PackSizeMode.Fixed, 1);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming <paramref name="source"/>.</summary>
    public static PackSizeSetting Parse(string text, string source = "--pack-size")
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed == "auto")
        {
            return Auto;
        }
        if (trimmed == "off")
        {
            return Off;
        }
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1)
        {
            return new PackSizeSetting(PackSizeMode.Fixed, size);
        }
        throw new FormatException($"{source}: '{text}' is not a pack size: use {Usage}");
    }

    public override string ToString() => Mode == PackSizeMode.Auto ? "auto" : Size == 1 ? "off" : Size.ToString(CultureInfo.InvariantCulture);
}
