namespace SweepCluster.Core.Sweeps;

/// <summary>
/// What the commands print after "ranked by": <c>val_loss (minimize)</c> for one objective, and
/// <c>Pareto front of val_loss (minimize), active_inputs (minimize)</c> for several.
/// </summary>
public static class ObjectivesText
{
    public static string Of(IReadOnlyList<MetricSpec> objectives)
    {
        var each = string.Join(", ", objectives.Select(o => $"{o.Name} ({o.Goal.ToString().ToLowerInvariant()})"));
        return objectives.Count > 1 ? $"Pareto front of {each}" : each;
    }
}
