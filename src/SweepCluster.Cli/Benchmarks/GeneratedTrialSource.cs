using System.Globalization;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Cli.Benchmarks;

/// <summary>Trials generated from their index alone, like a real source but with nothing to read.</summary>
internal sealed class GeneratedTrialSource(long count) : ITrialSource
{
    private static readonly SyntheticDataSpec Data = new(100, 4, 2, 2, 1);

    public string SweepName => "control-plane-bench";

    public long Count { get; } = count;

    public MetricSpec Metric => MetricSpec.Default;

    public IReadOnlyList<string> SweptParameters { get; } = ["lambda", "dropout", "widths"];

    public TrialSpec TrialAt(long index)
    {
        var lambda = 1e-6 * (1 + index % 1000);
        return new TrialSpec(TrialSpec.IdFor(SweepName, index), SweepName, index, index, Data, 2, lambda, 0, [8],
            TrainingSettings.Default,
            [new SweptValue("lambda", lambda.ToString("G4", CultureInfo.InvariantCulture)), new SweptValue("dropout", "0"), new SweptValue("widths", "[8]")]);
    }
}
