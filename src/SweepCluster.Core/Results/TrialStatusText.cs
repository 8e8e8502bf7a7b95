using System.Text.Json;

namespace SweepCluster.Core.Results;

/// <summary>
/// A trial status as results.jsonl, the leaderboards and the worker's result event write it (snake_case: <c>completed</c>,
/// <c>stopped_early</c>, …), and back: <c>monitor</c> reads the status from that event.
/// </summary>
public static class TrialStatusText
{
    private static readonly Dictionary<string, TrialStatus> ByText =
        Enum.GetValues<TrialStatus>().ToDictionary(Of, StringComparer.Ordinal);

    public static string Of(TrialStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    /// <summary>The status <paramref name="text"/> names; null for null or a text no status has (a log from a newer version).</summary>
    public static TrialStatus? Parse(string? text) => text is not null && ByText.TryGetValue(text, out var status) ? status : null;
}
