using System.Globalization;

namespace SweepCluster.Cluster.Hosting;

/// <summary>Durations as people read them in a log line: <c>9 m 58 s</c>, <c>45 s</c>, <c>1.5 s</c>, <c>2 h 5 m</c>.</summary>
public static class Durations
{
    public static string Human(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        if (span < TimeSpan.FromSeconds(10))
        {
            return Math.Round(span.TotalSeconds, 1).ToString("0.#", CultureInfo.InvariantCulture) + " s";
        }
        var seconds = (long)Math.Round(span.TotalSeconds);
        var (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return hours > 0 ? $"{hours} h {minutes} m"
            : minutes > 0 ? (rest > 0 ? $"{minutes} m {rest} s" : $"{minutes} m")
            : $"{rest} s";
    }
}
