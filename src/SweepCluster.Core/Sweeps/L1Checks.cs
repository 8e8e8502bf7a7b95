using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Checks the L1 settings against each other: <c>l1_groups</c> (in <c>training</c> or swept) means something only when
/// some trial trains with <c>l1_mode: group</c>, so a file that gives groups to no group trial is refused.
/// </summary>
internal sealed class L1Checks(ErrorSink errors)
{
    /// <param name="training">training: as read (null when it had errors: nothing is checked).</param>
    /// <param name="parameters">The swept parameters as read.</param>
    public void Check(TrainingSettings? training, YamlNode? trainingNode, IReadOnlyList<ParameterSpec> parameters, YamlNode? parametersNode)
    {
        if (training is null || AnyGroupTrial(training, parameters))
        {
            return;
        }
        var mode = parameters.Any(p => p.Name == "l1_mode") ? "the swept l1_mode never takes group" : $"l1_mode is {Text(training.L1Mode)}";
        foreach (var (section, node) in new[] { ("training", trainingNode), ("parameters", parametersNode) })
        {
            if (KeyNode(node, "l1_groups") is { } key)
            {
                errors.At(key, $"{section}.l1_groups applies only to l1_mode: group, and {mode}: remove l1_groups, or set l1_mode: group");
            }
        }
    }

    private static bool AnyGroupTrial(TrainingSettings training, IReadOnlyList<ParameterSpec> parameters) =>
        parameters.FirstOrDefault(p => p.Name == "l1_mode") is { } swept
            ? swept.Domain is ValuesDomain values && values.Values.Any(v => v is TextValue { Value: "group" })
            : training.L1Mode == L1Mode.Group;

    private static string Text(L1Mode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The key node of <paramref name="key"/> when it has a value (an empty one, as <c>--set training.l1_groups=null</c> gives, means not given).</summary>
    private static YamlNode? KeyNode(YamlNode? node, string key) =>
        node is YamlMappingNode mapping
            ? mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var v } && v == key && !YamlFields.IsNull(pair.Value)).Key
            : null;
}
