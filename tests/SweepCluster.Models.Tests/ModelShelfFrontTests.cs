using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Models.Tests;

/// <summary>--keep-models with two objectives (val_loss and active_inputs, both minimised): the front's members first.</summary>
public sealed class ModelShelfFrontTests : IDisposable
{
    private static readonly MetricSpec Loss = new("val_loss", MetricGoal.Minimize);
    private static readonly MetricSpec Inputs = new("active_inputs", MetricGoal.Minimize);

    private readonly string output = Directory.CreateTempSubdirectory("sweepcluster-shelf-front-").FullName;

    private static LeaderboardEntry Entry(int index, double valLoss, int activeInputs) =>
        new(index, [], new TrialResult($"s-{index}", TrialStatus.Completed, null,
            new TrialMetrics(valLoss, 0.5, valLoss, 1, 0, 0, [0], activeInputs, 10, 3, 3, 1, 1), []));

    private static TrainedModel Model(float marker) => new(["x0", "x1"], ["0", "1"],
        ModelTensor.FromFloats([0f, 0f], 2), ModelTensor.FromFloats([1f, 1f], 2),
        [new ModelLayer(ModelTensor.FromFloats([marker, 0f, 0f, 1f], 2, 2), ModelTensor.FromFloats([0f, 0f], 2))], 1);

    private ModelShelf Shelf(int keep) => new(output, Loss, keep, new ModelOrigin("s", "hash"), [Loss, Inputs]);

    [Fact]
    public void A_front_member_displaces_a_dominated_model_with_a_lower_loss()
    {
        // s-1 (0.25, 31) is dominated by s-0 (0.2, 30); s-2 (0.5, 3) is on the front with a much higher loss
        var shelf = Shelf(2);
        shelf.Offer(Entry(0, 0.2, 30), Model(0));
        shelf.Offer(Entry(1, 0.25, 31), Model(1));

        var kept = shelf.Offer(Entry(2, 0.5, 3), Model(2));

        // ranked by loss alone s-1 would stay; by the front, s-2 takes its place and best/ stays the front's lowest loss
        Assert.True(kept);
        Assert.Equal(["s-0", "s-2"], shelf.Kept);
        Assert.False(Directory.Exists(shelf.FolderOf("s-1")));
        Assert.Equal("s-0", ModelFolder.ReadCard(shelf.BestDirectory).TrialId);
    }

    [Fact]
    public void A_result_without_a_model_can_push_a_kept_model_off_the_front()
    {
        // s-0 is kept; s-1 dominates it but comes without a model; then s-2 (front, high loss) is offered
        var shelf = Shelf(1);
        shelf.Offer(Entry(0, 0.3, 5), Model(0));
        shelf.Observe(Entry(1, 0.3, 4));

        var kept = shelf.Offer(Entry(2, 0.9, 1), Model(2));

        // s-0 is off the front now, so s-2 (on it) replaces it, also in best/
        Assert.True(kept);
        Assert.Equal(["s-2"], shelf.Kept);
        Assert.Equal("s-2", ModelFolder.ReadCard(shelf.BestDirectory).TrialId);
        Assert.Equal(2f, SafetensorsFile.Read(Path.Combine(shelf.BestDirectory, ModelFolder.Safetensors))["layers.0.weight"].ToFloats()[0]);
    }

    [Fact]
    public void A_result_without_a_model_that_pushes_rank_1_off_the_front_moves_best_at_once()
    {
        // s-0 (0.3, 9) then s-1 (0.6, 2) are kept, s-0 in best/; s-2 (0.3, 8) dominates s-0 and comes without a model
        var shelf = Shelf(2);
        shelf.Offer(Entry(0, 0.3, 9), Model(0));
        shelf.Offer(Entry(1, 0.6, 2), Model(1));

        shelf.Observe(Entry(2, 0.3, 8));

        // s-1 is the only kept model still on the front: it is rank 1 now, and best/ holds it without waiting for another offer
        Assert.Equal(["s-1", "s-0"], shelf.Kept);
        Assert.Equal("s-1", ModelFolder.ReadCard(shelf.BestDirectory).TrialId);
    }

    [Fact]
    public void Front_members_are_kept_by_their_first_objective()
    {
        // all four on the front; keep 2 → the two lowest losses, best/ the lowest
        var shelf = Shelf(2);
        (double Loss, int Inputs)[] results = [(0.5, 10), (0.4, 12), (0.3, 20), (0.6, 2)];

        var kept = results.Select((r, i) => shelf.Offer(Entry(i, r.Loss, r.Inputs), Model(i))).ToList();

        Assert.Equal([true, true, true, false], kept);
        Assert.Equal(["s-2", "s-1"], shelf.Kept);
        Assert.Equal("s-2", ModelFolder.ReadCard(shelf.BestDirectory).TrialId);
    }

    [Fact]
    public void A_resumed_sweep_orders_its_kept_models_by_the_front_of_every_recorded_result()
    {
        var first = Shelf(2);
        first.Offer(Entry(0, 0.2, 30), Model(0));
        first.Offer(Entry(1, 0.25, 29), Model(1));

        // s-2 (0.2, 28) dominates both but was recorded without a model
        var resumed = Shelf(2);
        resumed.Restore([Entry(0, 0.2, 30), Entry(1, 0.25, 29), Entry(2, 0.2, 28)]);

        Assert.Equal(["s-0", "s-1"], resumed.Kept);
        var kept = resumed.Offer(Entry(3, 0.9, 1), Model(3));
        Assert.True(kept);
        Assert.Equal(["s-3", "s-0"], resumed.Kept);
    }

    public void Dispose() => Directory.Delete(output, recursive: true);
}
