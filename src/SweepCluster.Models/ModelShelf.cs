using SweepCluster.Core.Models;
using SweepCluster.Core.Pareto;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Models;

/// <summary>
/// Keeps the models of the current top K results on disk, as <c>&lt;out&gt;/models/&lt;trial_id&gt;/</c>, and rank 1's
/// again as <c>&lt;out&gt;/best/</c>; a model that falls out of the top K is deleted, so a sweep of 10⁵ trials holds K
/// models. Ranks as the leaderboard does (<see cref="LeaderboardRanking"/>). With two or three
/// <paramref name="objectives"/> it keeps the Pareto front's members first (each by the first objective, which is
/// <paramref name="metric"/>), then the rest by the first objective; rank 1, in best/, is then the front's best on the
/// first objective. Not thread-safe: its owner (the results actor) calls it from one thread at a time.
/// </summary>
public sealed class ModelShelf(string outputDirectory, MetricSpec metric, int keep, ModelOrigin origin, IReadOnlyList<MetricSpec>? objectives = null)
{
    private readonly LeaderboardRanking ranking = new(metric);
    private readonly List<LeaderboardEntry> kept = [];

    // Every result's point, not only the kept models': a trial without a model can still push one off the front.
    private readonly LiveFront<string>? front = objectives is { Count: > 1 } ? new LiveFront<string>(objectives.Count) : null;

    public string ModelsDirectory => Path.Combine(outputDirectory, "models");

    public string BestDirectory => Path.Combine(outputDirectory, "best");

    /// <summary>The trials whose models are kept, best first.</summary>
    public IReadOnlyList<string> Kept => [.. kept.Select(e => e.TrialId)];

    public string FolderOf(string trialId) => Path.Combine(ModelsDirectory, FolderName(trialId));

    /// <summary>
    /// A resumed sweep: takes back the kept models of <paramref name="recorded"/> results whose folders are whole, drops
    /// the rest (folders of trials no longer in the top K, or half-written ones), and puts rank 1 back in best/.
    /// </summary>
    public void Restore(IEnumerable<LeaderboardEntry> recorded)
    {
        kept.Clear();
        var entries = recorded.ToList();
        entries.ForEach(Observe);
        kept.AddRange(entries.Where(e => LeaderboardRanking.IsRankable(e) && IsWhole(FolderOf(e.TrialId))).Order(Comparer<LeaderboardEntry>.Create(Compare)).Take(Math.Max(0, keep)));
        if (Directory.Exists(ModelsDirectory))
        {
            var names = kept.Select(e => FolderName(e.TrialId)).ToHashSet();
            foreach (var folder in Directory.GetDirectories(ModelsDirectory).Where(f => !names.Contains(Path.GetFileName(f))))
            {
                ModelFolder.Delete(folder);
            }
        }
        if (kept.Count > 0 && !IsCurrentBest(kept[0].TrialId))
        {
            ModelFolder.CopyTo(FolderOf(kept[0].TrialId), BestDirectory);
        }
    }

    /// <summary>
    /// A result that comes without a model (the worker was not asked for one): with several objectives its point can
    /// still move kept models off the front, and then best/ goes to the kept front's best at once. Offer observes its own entry.
    /// </summary>
    public void Observe(LeaderboardEntry entry)
    {
        if (front is not null && LeaderboardRanking.IsRankable(entry) && ObjectiveOrientation.OfTrial(entry.Result.Metrics!, objectives!) is { } point
            && !front.Contains(entry.TrialId) && front.Add(entry.TrialId, point))
        {
            ReorderForTheFront();
        }
    }

    /// <summary>Writes the model if its result enters the top K (dropping the model it pushes out); true when it did.</summary>
    public bool Offer(LeaderboardEntry entry, TrainedModel model)
    {
        if (keep <= 0 || !LeaderboardRanking.IsRankable(entry) || kept.Exists(e => e.TrialId == entry.TrialId))
        {
            return false;
        }
        Observe(entry);
        var position = kept.FindIndex(e => Compare(entry, e) < 0);
        position = position < 0 ? kept.Count : position;
        if (position >= keep)
        {
            return false;
        }
        ModelFolder.Write(FolderOf(entry.TrialId), model, entry, origin);
        kept.Insert(position, entry with { Result = entry.Result with { Model = null } });
        if (kept.Count > keep)
        {
            ModelFolder.Delete(FolderOf(kept[^1].TrialId));
            kept.RemoveAt(kept.Count - 1);
        }
        if (position == 0)
        {
            ModelFolder.CopyTo(FolderOf(entry.TrialId), BestDirectory);
        }
        return true;
    }

    /// <summary>Front members first (one objective: no difference), then the ranking metric, as the leaderboard.</summary>
    private int Compare(LeaderboardEntry a, LeaderboardEntry b)
    {
        if (front is not null && front.Contains(a.TrialId) != front.Contains(b.TrialId))
        {
            return front.Contains(a.TrialId) ? -1 : 1;
        }
        return ranking.Compare(a, b);
    }

    /// <summary>
    /// A new point may have pushed kept models off the front: sort them again, and put the new first in best/. A stable
    /// sort, so that with one objective (and no change) nothing moves.
    /// </summary>
    private void ReorderForTheFront()
    {
        if (front is null || kept.Count == 0)
        {
            return;
        }
        var first = kept[0].TrialId;
        var reordered = kept.Order(Comparer<LeaderboardEntry>.Create(Compare)).ToList();
        kept.Clear();
        kept.AddRange(reordered);
        if (kept[0].TrialId != first)
        {
            ModelFolder.CopyTo(FolderOf(kept[0].TrialId), BestDirectory);
        }
    }

    // A trial id is the sweep's name and an index; anything a file name should not hold becomes '_'.
    private static string FolderName(string trialId) =>
        new([.. trialId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    private static bool IsWhole(string folder) => ModelFolder.Files.All(f => File.Exists(Path.Combine(folder, f)));

    private bool IsCurrentBest(string trialId)
    {
        try
        {
            return IsWhole(BestDirectory) && ModelFolder.ReadCard(BestDirectory).TrialId == trialId;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
        {
            return false;
        }
    }
}
