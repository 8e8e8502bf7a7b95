namespace SweepCluster.Core.Search;

/// <summary>
/// What an adaptive search method learns from: the point of every trial it suggested and, for finished trials, the
/// loss observed (smaller is better; null for a failed or diverged trial, a bad observation). Suggested but not yet
/// observed trials are pending (running or queued). Owned by the coordinator, one per incarnation: it is rebuilt from
/// the journal (points) and results.jsonl (losses) on resume. Both calls are idempotent: the first point or loss of a
/// trial stays.
/// </summary>
public sealed class SearchHistory
{
    private readonly Dictionary<long, double[]> points = [];
    private readonly Dictionary<long, double?> losses = [];
    private readonly List<SearchObservation> observations = [];

    /// <summary>Finished trials with a known point, in the order their results arrived.</summary>
    public IReadOnlyList<SearchObservation> Observations => observations;

    /// <summary>Suggested trials without a result yet (running or queued), by index, with a null loss.</summary>
    public IEnumerable<SearchObservation> Pending =>
        points.Where(p => !losses.ContainsKey(p.Key)).OrderBy(p => p.Key).Select(p => new SearchObservation(p.Key, p.Value, null));

    public int SuggestedCount => points.Count;

    public void Suggest(long index, double[] point)
    {
        if (points.TryAdd(index, point) && losses.TryGetValue(index, out var loss))
        {
            observations.Add(new SearchObservation(index, point, loss));
        }
    }

    public bool TryGetPoint(long index, out double[] point) => points.TryGetValue(index, out point!);

    public void Observe(long index, double? loss)
    {
        if (losses.TryAdd(index, loss) && points.TryGetValue(index, out var point))
        {
            observations.Add(new SearchObservation(index, point, loss));
        }
    }
}
