using SweepCluster.Core.Search;

namespace SweepCluster.Core.Tests.Search;

/// <summary>Hickernell's centered L2 discrepancy: lower means a more even cover of the unit cube.</summary>
internal static class Discrepancy
{
    public static double CenteredL2(IPointSource source, int n)
    {
        var x = Enumerable.Range(0, n).Select(i => source.Point(i)).ToArray();
        var d = source.Dimensions;
        var single = 0.0;
        foreach (var p in x)
        {
            var product = 1.0;
            foreach (var v in p)
            {
                var c = Math.Abs(v - 0.5);
                product *= 1 + 0.5 * c - 0.5 * c * c;
            }
            single += product;
        }
        var pairs = 0.0;
        foreach (var p in x)
        {
            foreach (var q in x)
            {
                var product = 1.0;
                for (var k = 0; k < d; k++)
                {
                    product *= 1 + 0.5 * Math.Abs(p[k] - 0.5) + 0.5 * Math.Abs(q[k] - 0.5) - 0.5 * Math.Abs(p[k] - q[k]);
                }
                pairs += product;
            }
        }
        var squared = Math.Pow(13.0 / 12.0, d) - 2.0 / n * single + pairs / ((double)n * n);
        return Math.Sqrt(squared);
    }
}
