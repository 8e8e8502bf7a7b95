using SweepCluster.Core.Dispatch;
using SweepCluster.Core.Results;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Results.ResultsProtocol;

namespace SweepCluster.Cluster.Coordination;

/// <summary>
/// What the coordinator learns before it runs: the journal's <see cref="SweepStarted"/> (a journal of another definition is
/// refused) and settled trials, then what results.jsonl holds (<see cref="ResumeReconciliation"/>), waited for within the
/// <see cref="SyncBound"/>.
/// </summary>
public sealed class SweepRecovery(SyncBound sync)
{
    private ResumeReconciliation? resume = new();

    public SyncBound Sync => sync;

    /// <summary>The journal's first event; null for a sweep that has not journaled it yet.</summary>
    public SweepStarted? Started { get; set; }

    /// <summary>A trial settled in the journal, replayed.</summary>
    public void Journaled(long index, TrialStatus status) => resume!.Journaled(index, status);

    /// <summary>Why the journal cannot be resumed by this sweep (another definition or trial count); null when it can.</summary>
    public string? RefusalReason(string persistenceId, string definitionHash, long total)
    {
        if (Started is not { } journaled)
        {
            return null;
        }
        var hashDiffers = journaled.DefinitionHash != "" && definitionHash != "" && journaled.DefinitionHash != definitionHash;
        if (hashDiffers || journaled.Total != total)
        {
            return $"the journal ({persistenceId}) holds sweep '{journaled.SweepId}' with another definition "
                + $"({journaled.Total} trials, definition {Short(journaled.DefinitionHash)}; this one: {total} trials, {Short(definitionHash)}). "
                + "Resume with the same sweep file and --set options, or use another output folder (and journal).";
        }
        return null;
    }

    /// <summary>
    /// What results.jsonl holds (<paramref name="recorded"/>) decides what is finished: a trial in it but not settled in the
    /// journal finished just before a crash and counts as settled; a trial settled in the journal but missing from it (another
    /// output folder, a deleted file) would be missing from the leaderboard, so it runs again. The search learns each
    /// recorded trial's losses first, so that an adaptive search continues from every finished trial. Once only.
    /// </summary>
    public ResumeOutcome Resume(IReadOnlyList<ResultRecorded> recorded, SweepTally tally, TrialSearch search)
    {
        foreach (var trial in recorded)
        {
            search.Observe(trial.Index, trial.Loss, trial.Losses);
        }
        return Reconcile(recorded.Select(t => (t.Index, t.Status)), tally);
    }

    /// <summary>Settles the trials results.jsonl holds (see <see cref="ResumeReconciliation.Reconcile"/>); once only.</summary>
    public ResumeOutcome Reconcile(IEnumerable<(long Index, TrialStatus Status)> recorded, SweepTally tally)
    {
        var outcome = resume!.Reconcile(recorded, tally);
        resume = null;
        return outcome;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash == "" ? "unknown" : hash;
}
