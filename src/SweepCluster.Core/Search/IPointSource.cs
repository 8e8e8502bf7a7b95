namespace SweepCluster.Core.Search;

/// <summary>Points of the unit cube [0, 1)^d, addressable by index so any trial can be regenerated alone.</summary>
public interface IPointSource
{
    int Dimensions { get; }

    double[] Point(long index);
}
