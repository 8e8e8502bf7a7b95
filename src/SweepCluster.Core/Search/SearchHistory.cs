namespace SweepCluster.Core.Search;

/// <summary>
/// What an adaptive search method learns from: the point of every configuration it suggested and, for configurations
/// with finished trials, the loss observed (smaller is better; null for a failed or diverged trial, a bad observation).
/// Suggested configurations without any finished trial are pending (running or queued). Owned by the coordinator, one per
/// incarnation: it is rebuilt from the journal (points) and results.jsonl (losses) on resume. Both calls are idempotent:
/// the first point of a configuration and the first loss of a trial stay.
/// <para>
/// Callers speak in trial indices. With <c>repeats: N</c> trial <c>i</c> is a repeat of configuration <c>i / N</c>; the
/// repeats share their configuration's point, and the search observes the mean of the losses of its finished repeats (a
/// repeat without a loss is left out of the mean; a configuration none of whose finished repeats has one is a bad
/// observation). With N = 1 a configuration is a trial.
/// </para>
/// <para>
/// A sweep with several objectives observes a vector of losses per trial (<see cref="Objectives"/> of them, each
/// minimised): the mean is taken per objective over the repeats whose every loss is finite. One objective is a vector of
/// length 1, so the scalar <see cref="Observe(long, double?)"/> and <see cref="ObserveLosses"/> keep the same numbers.
/// </para>
/// </summary>
public sealed class SearchHistory(int repeats = 1, int objectives = 1)
{
    private readonly Dictionary<long, double[]> points = [];
    private readonly Dictionary<long, double[]?> losses = [];
    private readonly Dictionary<long, List<double[]?>> configurationLosses = [];
    private readonly Dictionary<long, int> observationAt = [];
    private readonly List<SearchObservation> observations = [];

    public int Repeats { get; } = repeats >= 1 ? repeats : throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "at least 1");

    /// <summary>How many losses each observation holds: above 1, TPE splits its groups by Pareto fronts.</summary>
    public int Objectives { get; } = objectives >= 1 ? objectives : throw new ArgumentOutOfRangeException(nameof(objectives), objectives, "at least 1");

    /// <summary>Configurations with a known point and a finished trial, in the order their first result arrived; indexed by configuration.</summary>
    public IReadOnlyList<SearchObservation> Observations => observations;

    /// <summary>Suggested configurations without a result yet (running or queued), by configuration index, with a null loss.</summary>
    public IEnumerable<SearchObservation> Pending =>
        points.Where(p => !configurationLosses.ContainsKey(p.Key)).OrderBy(p => p.Key).Select(p => new SearchObservation(p.Key, p.Value, null));

    /// <summary>Configurations suggested so far.</summary>
    public int SuggestedCount => points.Count;

    /// <summary>Records the point of trial <paramref name="index"/>'s configuration (the first one given stays).</summary>
    public void Suggest(long index, double[] point)
    {
        if (points.TryAdd(Configuration(index), point))
        {
            Refresh(Configuration(index));
        }
    }

    /// <summary>The point of trial <paramref name="index"/>'s configuration, if it has one.</summary>
    public bool TryGetPoint(long index, out double[] point) => points.TryGetValue(Configuration(index), out point!);

    /// <summary>Records trial <paramref name="index"/>'s loss (the first one given stays); a history of one objective only.</summary>
    public void Observe(long index, double? loss)
    {
        if (Objectives != 1)
        {
            throw new InvalidOperationException($"A history of {Objectives} objectives observes a vector of losses (ObserveLosses), not one loss.");
        }
        Record(index, loss is { } value ? [value] : null);
    }

    /// <summary>
    /// Records trial <paramref name="index"/>'s losses, one per objective, each minimised (the first ones given stay);
    /// null for a failed trial. Not an overload of <see cref="Observe(long, double?)"/>: <c>Observe(i, null)</c>, a failed trial,
    /// would be ambiguous between the two.
    /// </summary>
    public void ObserveLosses(long index, IReadOnlyList<double>? values)
    {
        if (values is not null && values.Count != Objectives)
        {
            throw new ArgumentException($"{values.Count} losses for a history of {Objectives} objectives.", nameof(values));
        }
        Record(index, values?.ToArray());
    }

    private void Record(long index, double[]? loss)
    {
        if (!losses.TryAdd(index, loss))
        {
            return;
        }
        var configuration = Configuration(index);
        if (!configurationLosses.TryGetValue(configuration, out var list))
        {
            configurationLosses[configuration] = list = [];
        }
        list.Add(loss);
        Refresh(configuration);
    }

    private long Configuration(long index) => index / Repeats;

    /// <summary>Adds or updates the configuration's observation once it has both a point and a finished trial.</summary>
    private void Refresh(long configuration)
    {
        if (!points.TryGetValue(configuration, out var point) || !configurationLosses.TryGetValue(configuration, out var list))
        {
            return;
        }
        var observation = new SearchObservation(configuration, point, MeanLoss(list));
        if (observationAt.TryGetValue(configuration, out var at))
        {
            observations[at] = observation;
            return;
        }
        observationAt[configuration] = observations.Count;
        observations.Add(observation);
    }

    private static double[]? MeanLoss(List<double[]?> list)
    {
        var known = list.Where(l => l is { } values && values.All(double.IsFinite)).Select(l => l!).ToList();
        if (known.Count == 0)
        {
            // With one repeat the loss is kept as it came (null or not finite), as before repeats existed.
            return list.Count == 1 ? list[0] : null;
        }
        // Enumerable.Average over a list of each objective's values: for one objective the very sum and division of
        // the scalar mean this replaced, so single-objective TPE suggests what it did before vectors.
        return [.. Enumerable.Range(0, known[0].Length).Select(k => known.Select(values => values[k]).ToList().Average())];
    }
}
