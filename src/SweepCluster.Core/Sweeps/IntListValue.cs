namespace SweepCluster.Core.Sweeps;

/// <summary>A list of integers, such as the hidden-layer <c>widths</c> <c>[128, 64]</c>.</summary>
public sealed record IntListValue(IReadOnlyList<int> Values) : ParameterValue
{
    // Records compare lists by reference; widths are compared by content.
    public bool Equals(IntListValue? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(17, (hash, v) => hash * 31 + v);
}
