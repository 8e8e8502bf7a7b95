using System.Globalization;
using SweepCluster.Core.Pareto;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Core.Monitoring;

/// <summary>
/// A multi-objective sweep's objectives and reference point as its coordinator logs them (the log context properties
/// <c>Objectives</c>, e.g. <c>val_loss:minimize,active_inputs:minimize</c>, and <c>Reference</c>, e.g. <c>1.5,25</c>;
/// absent for a sweep with one objective), and its front from the trials <see cref="SweepMonitor"/> has folded.
/// </summary>
public sealed class MonitorObjectives
{
    public const string ObjectivesProperty = "Objectives";
    public const string ReferenceProperty = "Reference";

    private MonitorObjectives(IReadOnlyList<MetricSpec> objectives, IReadOnlyList<double>? reference)
    {
        Objectives = objectives;
        Reference = reference;
    }

    public IReadOnlyList<MetricSpec> Objectives { get; }

    public IReadOnlyList<double>? Reference { get; }

    /// <summary>The log properties' texts for <paramref name="objectives"/>; null for one objective, which logs neither.</summary>
    public static (string Objectives, string? Reference)? Format(IReadOnlyList<MetricSpec> objectives, IReadOnlyList<double>? reference) =>
        objectives.Count < 2 ? null
            : (string.Join(',', objectives.Select(o => $"{o.Name}:{o.Goal.ToString().ToLowerInvariant()}")),
               reference is null ? null : string.Join(',', reference.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));

    /// <summary>What a sweep's start event says; null for a sweep with one objective, or an unreadable property.</summary>
    public static MonitorObjectives? From(LogEvent e)
    {
        if (e.Text(ObjectivesProperty) is not { Length: > 0 } text)
        {
            return null;
        }
        var objectives = new List<MetricSpec>();
        foreach (var item in text.Split(','))
        {
            var parts = item.Split(':');
            if (parts.Length != 2 || MetricTable.Find(parts[0]) is null || !Enum.TryParse<MetricGoal>(parts[1], ignoreCase: true, out var goal))
            {
                return null;
            }
            objectives.Add(new MetricSpec(parts[0], goal));
        }
        return objectives.Count < 2 ? null : new MonitorObjectives(objectives, ReadReference(e.Text(ReferenceProperty), objectives.Count));
    }

    private static double[]? ReadReference(string? text, int count)
    {
        var values = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToArray();
        return values.Length == count && values.All(double.IsFinite) ? values : null;
    }

    /// <summary>
    /// The front of the done trials that rank (completed, stopped early) with a finite value of every objective; null before
    /// there is one, or when an objective is one the logs do not carry (monitor reads the metrics of <see cref="MetricTable.All"/>).
    /// </summary>
    internal FrontView? View(IEnumerable<TrialState> trials)
    {
        var goals = Objectives.Select(o => o.Goal).ToList();
        var points = new List<IReadOnlyList<double>>();
        foreach (var trial in trials.Where(t => t.Phase == TrialPhase.Done && t.Status is TrialStatus.Completed or TrialStatus.StoppedEarly))
        {
            var values = Objectives.Select(o => trial.Metrics.TryGetValue(o.Name, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
            if (values.All(v => v is not null))
            {
                points.Add(ObjectiveOrientation.Minimised([.. values.Select(v => v!.Value)], goals));
            }
        }
        var reference = Reference is null ? null : ObjectiveOrientation.Minimised(Reference, goals);
        return FrontSummary.Of(points, reference) is not { } summary ? null
            : new FrontView(Objectives, summary.Members.Count, points.Count, summary.Hypervolume,
                ObjectiveOrientation.Natural(summary.Reference, goals), summary.ReferenceGiven);
    }
}
