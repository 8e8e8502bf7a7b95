using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Models.Tests;

public sealed class ModelShelfTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("sweepcluster-shelf-").FullName;

    private static LeaderboardEntry Entry(int index, double valLoss, TrialStatus status = TrialStatus.Completed) =>
        new(index, [], new TrialResult($"s-{index}", status, null,
            new TrialMetrics(valLoss, 0.5, valLoss, 1, 0, 0, [0], 2, 10, 3, 3, 1, 1), []));

    private static TrainedModel Model(float marker) => new(["x0", "x1"], ["0", "1"],
        ModelTensor.FromFloats([0f, 0f], 2), ModelTensor.FromFloats([1f, 1f], 2),
        [new ModelLayer(ModelTensor.FromFloats([marker, 0f, 0f, 1f], 2, 2), ModelTensor.FromFloats([0f, 0f], 2))], 1);

    private ModelShelf Shelf(int keep) => new(output, MetricSpec.Default, keep, new ModelOrigin("s", "hash"));

    private string[] Folders() => [.. Directory.GetDirectories(Path.Combine(output, "models")).Select(Path.GetFileName).Order()!];

    [Fact]
    public void Keep_3_holds_the_current_top_3_and_best_holds_rank_1()
    {
        // given --keep-models 3 and six results arriving in this order (val_loss: lower is better)
        var shelf = Shelf(3);
        var losses = new[] { 0.9, 0.5, 0.7, 0.3, 0.8, 0.6 };

        // when each is offered with its model
        var kept = losses.Select((loss, i) => shelf.Offer(Entry(i, loss), Model(i))).ToList();

        // then the top 3 (s-3 0.3, s-1 0.5, s-5 0.6) are on disk, the others were dropped or never written, and best/ is s-3's
        Assert.Equal([true, true, true, true, false, true], kept);
        Assert.Equal(["s-1", "s-3", "s-5"], Folders());
        Assert.Equal(["s-3", "s-1", "s-5"], shelf.Kept);
        Assert.Equal("s-3", ModelFolder.ReadCard(shelf.BestDirectory).TrialId);
        Assert.Equal(3f, SafetensorsFile.Read(Path.Combine(shelf.BestDirectory, ModelFolder.Safetensors))["layers.0.weight"].ToFloats()[0]);
        Assert.All(Folders(), f => Assert.All(ModelFolder.Files, file => Assert.True(File.Exists(Path.Combine(output, "models", f, file)))));
        Assert.DoesNotContain(Directory.GetDirectories(output), d => d.EndsWith(".writing", StringComparison.Ordinal) || d.EndsWith(".old", StringComparison.Ordinal));
    }

    [Fact]
    public void Unranked_results_and_keep_0_write_nothing()
    {
        var none = Shelf(0);
        Assert.False(none.Offer(Entry(0, 0.1), Model(0)));
        var shelf = Shelf(2);
        Assert.False(shelf.Offer(Entry(1, 0.1, TrialStatus.Diverged), Model(1)));
        Assert.False(Directory.Exists(Path.Combine(output, "models")));
        Assert.False(Directory.Exists(shelf.BestDirectory));
    }

    [Fact]
    public void A_resumed_sweep_takes_back_its_kept_models_and_drops_stray_folders()
    {
        // given a sweep that kept 2 models, and a folder left half-written by a crash
        var first = Shelf(2);
        first.Offer(Entry(0, 0.4), Model(0));
        first.Offer(Entry(1, 0.2), Model(1));
        Directory.CreateDirectory(Path.Combine(output, "models", "s-9"));

        // when a new shelf restores from the recorded results and a better result arrives
        var resumed = Shelf(2);
        resumed.Restore([Entry(0, 0.4), Entry(1, 0.2), Entry(9, 0.1)]);
        Assert.Equal(["s-1", "s-0"], resumed.Kept);
        resumed.Offer(Entry(2, 0.3), Model(2));

        // then the top 2 of all results with models are kept and the stray folder is gone
        Assert.Equal(["s-1", "s-2"], Folders());
        Assert.Equal("s-1", ModelFolder.ReadCard(resumed.BestDirectory).TrialId);
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
