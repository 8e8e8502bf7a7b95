namespace SweepCluster.Training.Tests;

/// <summary>Compares doubles as equal when they differ by at most <paramref name="tolerance"/>.</summary>
internal sealed class WithinTolerance(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
