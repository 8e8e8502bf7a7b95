namespace SweepCluster.Core.Sweeps;

/// <summary>
/// What one settable name accepts and what it does: its type, a range check (null when fine,
/// else the reason), how it prints in leaderboards, and how it changes a trial.
/// </summary>
internal sealed record ParameterRule(
    string Name,
    ValueKind Kind,
    Func<ParameterValue, string?> Check,
    Func<ParameterValue, string> Format,
    Func<TrialDraft, ParameterValue, TrialDraft> Apply,
    IReadOnlyList<string> Choices)
{
    public bool IsNumeric => Kind is ValueKind.Real or ValueKind.Integer;
}
