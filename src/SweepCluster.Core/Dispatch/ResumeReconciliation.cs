using SweepCluster.Core.Results;

namespace SweepCluster.Core.Dispatch;

/// <summary>
/// Reconciles the journal's settled trials with the results file's on resume. results.jsonl decides what is finished:
/// a trial in it but not settled in the journal finished just before a crash, counts as settled and is adopted (to be
/// journaled); a trial settled in the journal but missing from it (another output folder, a deleted file) would be
/// missing from the leaderboard, so it runs again.
/// </summary>
public sealed class ResumeReconciliation
{
    private readonly Dictionary<long, TrialStatus> journaled = [];

    /// <summary>The journal's replay settled the trial.</summary>
    public void Journaled(long index, TrialStatus status) => journaled[index] = status;

    /// <summary>Settles the recorded trials in <paramref name="tally"/>, in order, and says what the journal lacks and what the file lacks.</summary>
    public ResumeOutcome Reconcile(IEnumerable<(long Index, TrialStatus Status)> recorded, SweepTally tally)
    {
        var adopted = recorded.Where(trial => tally.MarkSettled(trial.Index, trial.Status) && !journaled.ContainsKey(trial.Index)).ToList();
        var missing = journaled.Keys.Count(index => !tally.IsSettled(index));
        return new ResumeOutcome(adopted, missing, tally.Settled);
    }
}
