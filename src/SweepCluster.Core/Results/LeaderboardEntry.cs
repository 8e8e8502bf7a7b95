using System.Text.Json.Serialization;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Results;

/// <summary>
/// A finished trial as the leaderboard and <c>results.jsonl</c> hold it: the result plus what the
/// leaderboard needs of its spec (index and swept values), so that results can be ranked and rendered
/// without regenerating the spec. One line of <c>results.jsonl</c> is one entry.
/// </summary>
public sealed record LeaderboardEntry(long Index, IReadOnlyList<SweptValue> SweptValues, TrialResult Result)
{
    [JsonIgnore]
    public string TrialId => Result.TrialId;

    public static LeaderboardEntry For(TrialSpec trial, TrialResult result) => new(trial.Index, trial.SweptValues, result);

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
