using SweepCluster.Core.Results;

namespace SweepCluster.Cluster.Hosting;

/// <summary>
/// What the results actor and the coordinator of a sweep host are started with. <paramref name="Resume"/>: results.jsonl
/// is kept and resumed rather than replaced. <paramref name="DefinitionHash"/> (see <see cref="SweepDefinitionHash"/>): a
/// journal of another definition is refused, and kept models record it. <paramref name="KeepModels"/>: the top K models kept.
/// </summary>
public sealed record SweepHostSettings(string OutputDirectory, bool Resume, int MaxRetries, int KeepModels, string DefinitionHash)
{
    public SweepOutputPaths Paths => new(OutputDirectory);
}
