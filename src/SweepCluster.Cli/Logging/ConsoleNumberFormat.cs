using System.Globalization;

namespace SweepCluster.Cli.Logging;

/// <summary>
/// The format provider of the human console: doubles and floats with at most 6 significant digits
/// (<c>val_loss=0.488661</c>, not <c>0.4886611557006836</c>), everything else as Serilog renders it by default
/// (invariant culture). Only the console gets it: the CLEF file keeps each property's full precision.
/// </summary>
public sealed class ConsoleNumberFormat : IFormatProvider, ICustomFormatter
{
    public static ConsoleNumberFormat Instance { get; } = new();

    private ConsoleNumberFormat()
    {
    }

    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : CultureInfo.InvariantCulture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider) => arg switch
    {
        // an explicit format in the template ({Seconds:F1}) wins
        double d when format is null => d.ToString("G6", CultureInfo.InvariantCulture),
        float f when format is null => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        null => "null",
        _ => arg.ToString() ?? "",
    };
}
