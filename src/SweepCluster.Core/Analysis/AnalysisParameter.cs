namespace SweepCluster.Core.Analysis;

/// <summary>
/// A swept parameter as the analysis sees it. <paramref name="Categories"/>: for <see cref="ParameterScale.Categorical"/>,
/// the value texts (as the leaderboards print them) in the sweep file's order, else empty. <paramref name="Low"/> and
/// <paramref name="High"/>: the domain's bounds in the parameter's own units when the sweep file gives them (numeric
/// scales only). <paramref name="Inferred"/>: the scale was read from the values, not from the sweep file.
/// </summary>
public sealed record AnalysisParameter(
    string Name,
    ParameterScale Scale,
    IReadOnlyList<string> Categories,
    double? Low = null,
    double? High = null,
    bool Inferred = false)
{
    public bool IsNumeric => Scale != ParameterScale.Categorical;
}
