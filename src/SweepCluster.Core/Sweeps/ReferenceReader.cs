using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Reads <c>reference: [1.2, 40]</c>: the point the report's hypervolume is measured from, one number per objective in
/// the metrics' own units and in the order of <c>metric:</c>. It only means something with two or more objectives.
/// </summary>
internal sealed class ReferenceReader(ErrorSink errors, YamlFields fields)
{
    /// <param name="objectives">The objectives as read; null when they had errors (the count is not checked then).</param>
    public IReadOnlyList<double>? Read(YamlNode node, IReadOnlyList<MetricSpec>? objectives)
    {
        if (node is not YamlSequenceNode list)
        {
            errors.At(node, $"reference must be a list of numbers, one per objective{YamlFields.Got(node)}");
            return null;
        }
        var values = list.Children.Select(child => fields.Real(child, "reference")).ToList();
        if (objectives is null || values.Any(v => v is null))
        {
            return null;
        }
        if (objectives.Count == 1)
        {
            errors.At(node, "reference is the hypervolume's reference point of a sweep with two or more objectives, and metric: has one: "
                + "remove reference, or list the objectives under metric:");
            return null;
        }
        if (values.Count != objectives.Count)
        {
            errors.At(node, $"reference has {values.Count} numbers and metric: lists {objectives.Count} objectives "
                + $"({string.Join(", ", objectives.Select(o => o.Name))}): give one number per objective, in that order");
            return null;
        }
        return [.. values.Select(v => v!.Value)];
    }
}
