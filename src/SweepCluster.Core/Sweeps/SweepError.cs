namespace SweepCluster.Core.Sweeps;

/// <summary>One problem in a sweep file, with where it is (1-based line and column; 0 when unknown).</summary>
public sealed record SweepError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
