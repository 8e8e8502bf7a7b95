using System.Globalization;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>What <c>bench report</c> measured: the size of report.html and how long writing it took (the first write, and a second one as a running sweep repeats it).</summary>
public sealed record ReportBenchmarkReport(int Trials, int Ranked, long ReportBytes, TimeSpan FirstWrite, TimeSpan SecondWrite, string ReportPath)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Trials} trials ({Ranked} ranked): report.html {ReportBytes} bytes ({ReportBytes / 1e6:F2} MB), written in {FirstWrite.TotalMilliseconds:F0} ms (first) and {SecondWrite.TotalMilliseconds:F0} ms (again): {ReportPath}");
}
