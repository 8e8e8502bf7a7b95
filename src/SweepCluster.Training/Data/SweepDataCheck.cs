using SweepCluster.Core.Sweeps;

namespace SweepCluster.Training.Data;

/// <summary>
/// Loads and checks a sweep's data once, before any trial: data that cannot be used is bad input, refused up front,
/// not a failure of every trial. A sweep has one data spec (data is not sweepable), so one check covers every trial.
/// Managed code only (CSV parsing and arithmetic, no tensors): it runs on a coordinator that has no GPU and need not
/// load libtorch.
/// </summary>
public static class SweepDataCheck
{
    private const int ClassesNamed = 10;

    /// <exception cref="DatasetException">
    /// The CSV cannot be used (the message names its file, row and column), a split would be empty, or model.outputs is
    /// below the number of classes (those two name the sweep file and the field).
    /// </exception>
    public static DataShape Check(SweepDefinition sweep) => sweep.Data switch
    {
        SyntheticDataSpec { Task: SweepTask.Regression } synthetic => Regression(sweep, Trainer.DatasetCache.Generate(synthetic), SyntheticDataGenerator.Source),
        // The parser has checked the generator's settings and that model.outputs equals the classes; only the split is left.
        SyntheticDataSpec synthetic => new DataShape(synthetic.Samples, synthetic.Features, synthetic.Classes,
            Split(sweep, synthetic.Samples, SyntheticDataGenerator.Source)),
        CsvDataSpec csv => CheckCsv(sweep, csv),
        _ => throw new DatasetException($"unsupported data source {sweep.Data.GetType().Name}"),
    };

    private static DataShape CheckCsv(SweepDefinition sweep, CsvDataSpec csv)
    {
        var data = CsvDatasetLoader.Load(csv);
        if (data.IsRegression)
        {
            return Regression(sweep, data, csv.Path);
        }
        var split = Split(sweep, data.Rows, csv.Path);
        if (sweep.Outputs is { } outputs && outputs < data.ClassCount)
        {
            throw new DatasetException(InSweepFile(sweep, $"model.outputs={outputs} but {csv.Path} has {data.ClassCount} classes in column "
                + $"'{csv.Label}' ({Named(data.ClassNames)}); set model.outputs to at least {data.ClassCount}, or leave it out to use the number of classes"));
        }
        return new DataShape(data.Rows, data.FeatureCount, data.ClassCount, split);
    }

    private static DataShape Regression(SweepDefinition sweep, TabularData data, string source) =>
        new(data.Rows, data.FeatureCount, 1, Split(sweep, data.Rows, source), (data.Targets!.Min(), data.Targets!.Max()));

    private static SplitSizes Split(SweepDefinition sweep, int rows, string source)
    {
        try
        {
            return SplitSizes.Of(rows, sweep.Data.ValidationFraction, source);
        }
        catch (DatasetException e)
        {
            throw new DatasetException(InSweepFile(sweep, e.Message));
        }
    }

    /// <summary>The field is in the sweep file, so the message starts with it (the CSV loader's messages start with the CSV).</summary>
    private static string InSweepFile(SweepDefinition sweep, string message) =>
        sweep.SourcePath.Length == 0 ? message : $"{sweep.SourcePath}: {message}";

    private static string Named(IReadOnlyList<string> classes) =>
        classes.Count <= ClassesNamed
            ? string.Join(", ", classes)
            : $"{string.Join(", ", classes.Take(ClassesNamed))}, … {classes.Count - ClassesNamed} more";
}
