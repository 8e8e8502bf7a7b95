using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>Reads <c>metric: {name, goal}</c> (or just <c>metric: val_loss</c>); the goal defaults by metric.</summary>
internal sealed class MetricReader(ErrorSink errors, YamlFields fields)
{
    private static readonly FrozenDictionary<string, MetricGoal> Known = new Dictionary<string, MetricGoal>
    {
        ["val_loss"] = MetricGoal.Minimize,
        ["val_accuracy"] = MetricGoal.Maximize,
        ["train_loss"] = MetricGoal.Minimize,
        ["sparsity"] = MetricGoal.Maximize,
        ["l1_norm"] = MetricGoal.Minimize,
        ["active_inputs"] = MetricGoal.Minimize,
    }.ToFrozenDictionary();

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
        if (Known.TryGetValue(name, out var goal))
        {
            return new MetricSpec(name, goal);
        }
        errors.At(node, $"unknown metric '{name}': known are {string.Join(", ", Known.Keys.Order())}"
            + Suggestions.DidYouMean(name, Known.Keys));
        return null;
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
}
