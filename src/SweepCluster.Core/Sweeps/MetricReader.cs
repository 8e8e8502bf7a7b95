using SweepCluster.Core.Results;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Reads <c>metric: {name, goal}</c> (or just <c>metric: val_loss</c>); the goal defaults by metric (<see cref="MetricTable"/>).
/// A metric of the other task (val_accuracy in a regression sweep, val_r2 in a classification one) is refused.
/// </summary>
internal sealed class MetricReader(ErrorSink errors, YamlFields fields, SweepTask task)
{

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
        var own = MetricTable.For(task).Select(m => m.Name).ToList();
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
