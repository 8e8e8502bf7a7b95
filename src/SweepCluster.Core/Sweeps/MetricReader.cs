using SweepCluster.Core.Results;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Reads <c>metric: {name, goal}</c> (or just <c>metric: val_loss</c>), or a list of one to
/// <see cref="MaxObjectives"/> such objectives ranked as a Pareto front; the goal defaults by metric
/// (<see cref="MetricTable"/>). A metric of the other task (val_accuracy in a regression sweep, val_r2 in a
/// classification one) is refused, and so is a metric listed twice.
/// </summary>
internal sealed class MetricReader(ErrorSink errors, YamlFields fields, SweepTask task)
{
    /// <summary>Beyond three objectives a front holds nearly every trial, and the leaderboard stops telling them apart.</summary>
    public const int MaxObjectives = 3;

    /// <summary>The objectives in file order (one for the mapping form); null when any of them had an error.</summary>
    public IReadOnlyList<MetricSpec>? ReadObjectives(YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            return Read(node) is { } single ? [single] : null;
        }
        if (list.Children.Count == 0)
        {
            errors.At(node, $"metric must list one to {MaxObjectives} objectives, each {{ name, goal }} (got an empty list)");
            return null;
        }
        if (list.Children.Count > MaxObjectives)
        {
            errors.At(list.Children[MaxObjectives], $"metric lists {list.Children.Count} objectives, and at most {MaxObjectives} are ranked: "
                + "keep the ones that matter most");
            return null;
        }
        var objectives = new List<MetricSpec>();
        var failed = false;
        foreach (var item in list.Children)
        {
            var objective = Read(item);
            if (objective is not null && objectives.Any(o => o.Name == objective.Name))
            {
                errors.At(NameNode(item), $"metric {objective.Name} is listed twice: each objective appears once");
                objective = null;
            }
            failed |= objective is null;
            if (objective is not null)
            {
                objectives.Add(objective);
            }
        }
        return failed ? null : objectives;
    }

    private static YamlNode NameNode(YamlNode item) =>
        item is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("name"), out var name) ? name : item;

    public MetricSpec? Read(YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return Named(node);
        }
        if (fields.Mapping(node, "metric", ["name", "goal"]) is not { } entries)
        {
            return null;
        }
        if (!entries.TryGetValue("name", out var nameNode))
        {
            errors.At(node, "missing key 'name' in metric");
            return null;
        }
        var metric = Named(nameNode);
        var goal = entries.TryGetValue("goal", out var goalNode) ? Goal(goalNode) : metric?.Goal;
        return metric is null || goal is null ? null : metric with { Goal = goal.Value };
    }

    private MetricSpec? Named(YamlNode node)
    {
        var name = fields.Text(node, "metric name")?.ToLowerInvariant();
        if (name is null)
        {
            return null;
        }
        var own = MetricTable.RankableFor(task).Select(m => m.Name).ToList();
        if (MetricTable.Find(name) is not { } info)
        {
            errors.At(node, $"unknown metric '{name}': known are {string.Join(", ", own.Order())}" + Suggestions.DidYouMean(name, own));
            return null;
        }
        if (!info.AppliesTo(task))
        {
            errors.At(node, $"metric {name} is for {Text(info.Task!.Value)} sweeps, and this sweep is task: {Text(task)}: "
                + $"rank by one of {string.Join(", ", own)}");
            return null;
        }
        return new MetricSpec(name, info.Goal, task);
    }

    private MetricGoal? Goal(YamlNode node)
    {
        switch (fields.Text(node, "metric.goal")?.ToLowerInvariant())
        {
            case null:
                return null;
            case "minimize":
                return MetricGoal.Minimize;
            case "maximize":
                return MetricGoal.Maximize;
            default:
                errors.At(node, $"metric.goal must be minimize or maximize{YamlFields.Got(node)}");
                return null;
        }
    }

    private static string Text(SweepTask value) => value.ToString().ToLowerInvariant();
}
