using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Checks the settings that belong to one task: <c>loss</c> and <c>huber_delta</c> (in <c>training</c> or swept) choose a
/// regression loss, so a classification sweep (which trains on cross-entropy) that gives them is refused where they stand.
/// </summary>
internal sealed class TaskChecks(ErrorSink errors)
{
    private static readonly string[] RegressionOnly = ["loss", "huber_delta"];

    public void Check(SweepTask task, YamlNode? trainingNode, YamlNode? parametersNode)
    {
        if (task == SweepTask.Regression)
        {
            return;
        }
        foreach (var (section, node) in new[] { ("training", trainingNode), ("parameters", parametersNode) })
        {
            if (node is not YamlMappingNode mapping)
            {
                continue;
            }
            foreach (var (key, _) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && RegressionOnly.Contains(name))
                {
                    errors.At(key, $"{section}.{name} applies only to task: regression (a classification sweep trains on cross-entropy): "
                        + "remove it, or set task: regression");
                }
            }
        }
    }
}
