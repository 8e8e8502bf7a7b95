using System.Collections.Concurrent;
using SweepCluster.Core.Sweeps;
using SweepCluster.Training.Data;
using TorchSharp;

namespace SweepCluster.Training.Trainer;

/// <summary>
/// Loads each data spec once per device and keeps its tensors for every trial that uses it:
/// the trials of a sweep share their data, and re-reading a CSV per trial would dominate small trials.
/// </summary>
public sealed class DatasetCache : IDisposable
{
    private readonly ConcurrentDictionary<(DataSpec Spec, string Device), Lazy<TensorDataset>> datasets = new();

    public TensorDataset Get(DataSpec spec, torch.Device device)
    {
        var entry = datasets.GetOrAdd((spec, device.ToString()), key => new Lazy<TensorDataset>(() => Load(key.Spec, device)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed load (bad CSV) must not be cached: the user may fix the file and retry.
            datasets.TryRemove(new KeyValuePair<(DataSpec, string), Lazy<TensorDataset>>((spec, device.ToString()), entry));
            throw;
        }
    }

    private static TensorDataset Load(DataSpec spec, torch.Device device) => spec switch
    {
        SyntheticDataSpec synthetic => DatasetSplitter.Split(Generate(synthetic), synthetic.ValidationFraction, synthetic.Seed, device,
            SyntheticDataGenerator.Source),
        CsvDataSpec csv => DatasetSplitter.Split(CsvDatasetLoader.Load(csv), csv.ValidationFraction, csv.SplitSeed, device, csv.Path),
        _ => throw new DatasetException($"unsupported data source {spec.GetType().Name}"),
    };

    /// <summary>The table a synthetic spec describes: classes, or for a regression sweep Friedman's function.</summary>
    public static TabularData Generate(SyntheticDataSpec spec) => spec.Task == SweepTask.Regression
        ? SyntheticRegressionGenerator.Generate(spec)
        : SyntheticDataGenerator.Generate(spec);

    public void Dispose()
    {
        foreach (var entry in datasets.Values.Where(e => e.IsValueCreated))
        {
            entry.Value.Dispose();
        }
        datasets.Clear();
    }
}
