using System.Globalization;

namespace SweepCluster.Reporting;

/// <summary>
/// Viridis, a perceptually uniform sequential colour scale that reads in grey and for colour-blind readers, as 9 stops
/// interpolated linearly. 0 is dark purple, 1 yellow; the report uses 0 for the best trials, so that they stand out
/// against the lighter ones beneath them.
/// </summary>
internal static class ColourScale
{
    private static readonly (byte R, byte G, byte B)[] Stops =
    [
        (0x44, 0x01, 0x54), (0x47, 0x2d, 0x7b), (0x3b, 0x52, 0x8b), (0x2c, 0x72, 0x8e), (0x21, 0x91, 0x8c),
        (0x28, 0xae, 0x80), (0x5e, 0xc9, 0x62), (0xad, 0xdc, 0x30), (0xfd, 0xe7, 0x25),
    ];

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped) as <c>#rrggbb</c>.</summary>
    public static string At(double t)
    {
        var x = Math.Clamp(double.IsFinite(t) ? t : 1, 0, 1) * (Stops.Length - 1);
        var i = Math.Min((int)Math.Floor(x), Stops.Length - 2);
        var f = x - i;
        var (a, b) = (Stops[i], Stops[i + 1]);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Mix(a.R, b.R, f):x2}{Mix(a.G, b.G, f):x2}{Mix(a.B, b.B, f):x2}");
    }

    private static int Mix(byte a, byte b, double f) => (int)Math.Round(a + (b - a) * f);
}
