using System.Globalization;
using System.Net;

namespace SweepCluster.Reporting;

/// <summary>Small helpers for the SVG the report writes by hand: coordinates with one decimal, escaped text.</summary>
internal static class Svg
{
    public static string Coordinate(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Text(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number for reading: 4 significant digits, invariant culture.</summary>
    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
