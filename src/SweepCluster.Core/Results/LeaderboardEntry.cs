using System.Text.Json.Serialization;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Results;

/// <summary>
/// A finished trial as the leaderboard and <c>results.jsonl</c> hold it: the result plus what the
/// leaderboard needs of its spec (index and swept values), so that results can be ranked and rendered
/// without regenerating the spec. One line of <c>results.jsonl</c> is one entry. <paramref name="Repeat"/>: which repeat of
/// its configuration the trial is, in a sweep with <c>repeats</c> above 1 (absent otherwise, so that such lines stay as
/// they were).
/// </summary>
public sealed record LeaderboardEntry(
    long Index,
    IReadOnlyList<SweptValue> SweptValues,
    TrialResult Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Repeat = null)
{
    [JsonIgnore]
    public string TrialId => Result.TrialId;

    public static LeaderboardEntry For(TrialSpec trial, TrialResult result) => new(trial.Index, trial.SweptValues, result, trial.Repeat);

    /// <summary>The text of a swept parameter's value, or "" when this trial does not sweep it.</summary>
    public string SweptText(string parameter)
    {
        foreach (var value in SweptValues)
        {
            if (value.Name == parameter)
            {
                return value.Text;
            }
        }
        return "";
    }
}
