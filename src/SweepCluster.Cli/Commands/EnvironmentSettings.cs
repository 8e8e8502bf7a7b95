using System.Globalization;

namespace SweepCluster.Cli.Commands;

/// <summary>
/// The <c>SWEEPCLUSTER_*</c> environment variables that stand in for cluster options (arguments win):
/// SWEEPCLUSTER_HOST, _PORT, _SEEDS (comma-separated), _WORKERS, _THREADS_PER_WORKER, _LOG_DIR, _OUT,
/// _JOURNAL, _JOURNAL_CONNECTION, _HEARTBEAT_PAUSE, _STABLE_AFTER (seconds), _IDLE_EXIT (seconds), _TLS_CERT,
/// _TLS_PASSWORD, _TLS_PASSWORD_FILE.
/// </summary>
public sealed class EnvironmentSettings(Func<string, string?> read)
{
    public const string Prefix = "SWEEPCLUSTER_";

    public static EnvironmentSettings Process { get; } = new(Environment.GetEnvironmentVariable);

    public string? Text(string name) => read(Prefix + name) is { Length: > 0 } value ? value.Trim() : null;

    /// <summary>The value as it is, untrimmed (a password), or null when unset or empty.</summary>
    public string? Raw(string name) => read(Prefix + name) is { Length: > 0 } value ? value : null;

    public int? Integer(string name) =>
        Text(name) is { } text ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value : throw new FormatException($"{Prefix}{name}: not an integer: '{text}'") : null;

    public double? Number(string name) =>
        Text(name) is { } text ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value : throw new FormatException($"{Prefix}{name}: not a number: '{text}'") : null;

    public IReadOnlyList<string> List(string name) =>
        Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
