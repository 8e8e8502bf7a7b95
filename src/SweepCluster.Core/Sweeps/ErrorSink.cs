using YamlDotNet.RepresentationModel;

namespace SweepCluster.Core.Sweeps;

/// <summary>
/// Collects every error of a sweep file with its position. Nodes that came from a <c>--set</c> override
/// have no place in the file, so their errors name the override instead.
/// </summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<SweepError> _errors = [];
    private readonly Dictionary<YamlNode, string> _overrideOrigins = new(ReferenceEqualityComparer.Instance);

    public string File { get; } = file;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>File errors in file order, then those without a position.</summary>
    public IReadOnlyList<SweepError> Errors =>
        [.. _errors.OrderBy(e => e.Line == 0).ThenBy(e => e.Line).ThenBy(e => e.Column)];

    public void MarkOverride(YamlNode node, string overrideText)
    {
        foreach (var inner in node.AllNodes)
        {
            _overrideOrigins[inner] = overrideText;
        }
    }

    public void At(YamlNode node, string message)
    {
        if (_overrideOrigins.TryGetValue(node, out var origin))
        {
            AtOverride(origin, message);
            return;
        }
        _errors.Add(new SweepError(File, (int)node.Start.Line, (int)node.Start.Column, message));
    }

    public void AtOverride(string overrideText, string message) =>
        _errors.Add(new SweepError(File, 0, 0, $"--set {overrideText}: {message}"));

    public void At(int line, int column, string message) => _errors.Add(new SweepError(File, line, column, message));
}
