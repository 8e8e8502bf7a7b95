using System.Text.Json;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Cluster.Serialization;
using SweepCluster.Cluster.Workers;
using SweepCluster.Core.Models;
using SweepCluster.Core.Results;
using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;
using static SweepCluster.Cluster.Coordination.CoordinatorEvents;
using static SweepCluster.Cluster.Coordination.CoordinatorProtocol;
using static SweepCluster.Cluster.Results.ResultsProtocol;
using static SweepCluster.Cluster.Workers.WorkerProtocol;

namespace SweepCluster.Cluster.Tests;

public sealed class SerializationTests() : TestKit(AkkaConfig.Serialization())
{
    private static readonly TrialResult Diverged = new("test-3", TrialStatus.Diverged, "loss is NaN",
        FakeTrainer.Metrics(double.NaN) with { LayerSparsity = [0.5, double.PositiveInfinity] }, [new EpochRecord(1, double.NaN, 2, 0.5)], "w0", "node-a");

    private static readonly TrialResult Refitted = new("test-6", TrialStatus.Completed, null,
        FakeTrainer.Metrics(0.4) with { ActiveInputNames = ["x0", "x3"], ActiveNeurons = [5, 2] },
        [new EpochRecord(1, 0.6, 0.5, 0.7), new EpochRecord(2, 0.5, 0.4, 0.8, Refit: true)], "w0", "node-a");

    private static readonly TrialSpec GroupTrial = InMemoryTrialSource.Spec(6, 0.5) with
    {
        Training = new TrainingSettings(L1Mode: L1Mode.Group, L1Groups: L1Groups.Both, RefitEpochs: 5),
    };

    /// <summary>A result carrying its trained network (2 features, one hidden layer of 3, 2 classes).</summary>
    private static readonly TrialResult WithModel = Refitted with { TrialId = "test-7", Model = SampleModel(2, 3, 2) };

    private static readonly TrialSpec CsvTrial = InMemoryTrialSource.Spec(4) with { Data = new CsvDataSpec("/data/x.csv", "species", 3, 0.3) };

    /// <summary>One sample of every message and event that may leave the process.</summary>
    private static readonly object[] Samples =
    [
        new RegisterWorker("w0", "node-a"), new RegisterWorker("w1", "node-a", "cuda:1"), RequestTrial.Instance,
        new RequestTrial(16, new Dictionary<string, int> { ["{\"Data\":\"SyntheticDataSpec\"}"] = 4 }, 2),
        new AssignPack([new AssignTrial(InMemoryTrialSource.Spec(1, 1e-3), 1), new AssignTrial(InMemoryTrialSource.Spec(2, 1e-2), 2)]), new TrialProgress("test-1", new EpochRecord(2, 0.5, 0.6, 0.7)),
        new TrialFinished(3, Diverged), GetSweepStatus.Instance, new StopSweep(true), AwaitCompletion.Instance,
        new SweepCompleted(new SweepSummary("test", 5, 4, 1, 0, 0, false)), new SweepRefused("another definition"),
        new ReturnTrial(2, "test-2"), GetCoordinatorStats.Instance, new CoordinatorStats(10, 9, 12345),
        new SweepStatus("test", 5, 1, 2, 2, 0, false),
        new SweepSummary("test", 5, 4, 1, 1, 0, true),
        new AssignTrial(InMemoryTrialSource.Spec(1, 1e-3), 2), new AssignTrial(CsvTrial, 1), new StopTrial("test-1"), GetWorkerStatus.Instance,
        WorkerRegistered.Instance, new SweepOver("test"), new WorkerStatus("w0", "node-a", "test-1", 3),
        new RecordResult(new LeaderboardEntry(3, [new SweptValue("lambda", "1e-3")], Diverged)), new ResultRecorded(3, TrialStatus.Diverged),
        GetRecordedTrials.Instance, new RecordedTrials([new ResultRecorded(1, TrialStatus.Completed), new ResultRecorded(2, TrialStatus.Failed)]),
        GetLeaderboard.Instance, FlushLeaderboard.Instance,
        new LeaderboardSnapshot([new RankedEntry(1, new LeaderboardEntry(3, [new SweptValue("lambda", "1e-3")], Diverged)), new RankedEntry(null, new LeaderboardEntry(0, [], Diverged))]),
        new SweepStarted("test", "abc123", 5), new AttemptFailed(2, 1), new TrialSettled(4, TrialStatus.Interrupted),
        new SchedulerReported(4, 3, 0.625), new TrialSuggested(7, [0.25, 0.875]), new TrialSettled(5, TrialStatus.StoppedEarly),
        new EpochVerdict("test-1", 3, true, "asha: rung 1 (epoch 3)"), new AssignTrial(InMemoryTrialSource.Spec(1, 1e-3), 1, [1, 3, 9]),
        new TrialProgress("test-2", new EpochRecord(3, 0.5, 0.6, 0.7), 2), new ResultRecorded(5, TrialStatus.StoppedEarly, -0.25),
        new RecordedTrials([new ResultRecorded(6, TrialStatus.Completed, 0.5, [0.5, -0.875]), new ResultRecorded(7, TrialStatus.Failed)]),
        new TrialFinished(7, WithModel), new AssignTrial(InMemoryTrialSource.Spec(7, 1e-3), 1, null, new ModelRequest(MetricSpec.Default, null)),
        new AssignTrial(InMemoryTrialSource.Spec(8, 1e-3), 1, [2], new ModelRequest(new MetricSpec("val_accuracy", MetricGoal.Maximize), -0.75)),
        new TrialFinished(6, Refitted), new AssignTrial(GroupTrial, 1), new TrialProgress("test-6", new EpochRecord(32, 0.5, 0.6, 0.7, Refit: true), 6),
        new AssignmentStarted([4, 5, 6]),
        new AssignTrial(InMemoryTrialSource.Spec(9, 1e-3) with { Id = "test-4-r1", Repeat = 1 }, 1),
        new RecordResult(new LeaderboardEntry(9, [new SweptValue("lambda", "1e-3")], Refitted, Repeat: 1)),
        new LeaderboardSnapshot([new RankedEntry(1, new LeaderboardEntry(9, [new SweptValue("lambda", "1e-3")], Refitted),
            RepeatSummary.Of(2, [FakeTrainer.Metrics(0.4)]))]),
    ];

    public static TheoryData<string> SampleNames() => [.. Samples.Select(s => s.GetType().Name + ":" + Array.IndexOf(Samples, s))];

    [Fact]
    public void Every_message_type_has_a_round_trip_sample()
    {
        // given every type marked as leaving the process, when compared with the samples, then none lacks one
        var sampled = Samples.Select(s => s.GetType()).ToHashSet();
        Assert.Empty(SweepJsonSerializer.MessageTypes.Where(t => !sampled.Contains(t)).Select(t => t.FullName));
    }

    [Fact]
    public void Every_protocol_and_event_record_is_bound_to_our_serializer_except_local_ones()
    {
        // given the nested records of the protocols and events (HandBackTrial, its reply, CoordinatorFailed and ResultsFailed,
        // published on the node's own event stream, stay in the node)
        var local = new[] { typeof(HandBackTrial), typeof(TrialHandedBack), typeof(CoordinatorFailed), typeof(Results.ResultsProtocol.ResultsFailed) };
        var records = new[] { typeof(CoordinatorProtocol), typeof(WorkerProtocol), typeof(Results.ResultsProtocol), typeof(CoordinatorEvents) }
            .SelectMany(t => t.GetNestedTypes()).Except(local);

        // then each is an ISweepMessage, so that none falls back to the default serializer
        Assert.All(records, t => Assert.True(typeof(ISweepMessage).IsAssignableFrom(t), $"{t.FullName} is not an ISweepMessage"));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Message_round_trips_through_the_json_serializer(string name)
    {
        // given a sample message
        var message = Samples[int.Parse(name.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)];

        // when the actor system serializes it and reads it back by manifest
        var serializer = Sys.Serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var back = Sys.Serialization.Deserialize(bytes, serializer.Identifier, manifest);

        // then our serializer handled it and the copy has the same type and content (NaN and subtypes included)
        Assert.IsType<SweepJsonSerializer>(serializer);
        Assert.Equal(message.GetType(), back.GetType());
        Assert.Equal(Json(message), Json(back));
    }

    [Fact]
    public void A_model_travels_as_base64_bytes_not_as_json_numbers()
    {
        // given a result carrying a model of 64 × 128 + 128 × 5 weights (about 35 KB of float32)
        var model = SampleModel(64, 128, 5);
        var message = new TrialFinished(9, WithModel with { Model = model });

        // when the actor system serializes it
        var bytes = Sys.Serialization.FindSerializerFor(message).ToBinary(message);

        // then it takes about 4/3 of the raw bytes (base64), where JSON numbers would take three times or more, and the weights come back exact
        Assert.InRange(bytes.Length, model.Bytes, model.Bytes * 3 / 2);
        var back = (TrialFinished)Sys.Serialization.Deserialize(bytes, Sys.Serialization.FindSerializerFor(message).Identifier,
            Akka.Serialization.Serialization.ManifestFor(Sys.Serialization.FindSerializerFor(message), message));
        Assert.Equal(model.Layers[1].Weight.ToFloats(), back.Result.Model!.Layers[1].Weight.ToFloats());
    }

    private static TrainedModel SampleModel(int inputs, int hidden, int outputs)
    {
        static ModelTensor Values(int seed, params int[] shape) =>
            ModelTensor.FromFloats([.. Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(i => MathF.Sin(seed + i * 0.37f))], shape);
        return new TrainedModel([.. Enumerable.Range(0, inputs).Select(i => $"x{i}")], [.. Enumerable.Range(0, outputs).Select(i => $"class {i}")],
            Values(1, inputs), ModelTensor.FromFloats([.. Enumerable.Repeat(2f, inputs)], inputs),
            [new ModelLayer(Values(2, hidden, inputs), Values(3, hidden)), new ModelLayer(Values(4, outputs, hidden), Values(5, outputs))], 42, "species");
    }

    /// <summary>The shipped manifests, written out: a renamed type or a changed manifest fails here, not in someone's journal.</summary>
    private static readonly string[] PinnedManifests =
    [
        "c.register = Coordination.CoordinatorProtocol+RegisterWorker",
        "c.request = Coordination.CoordinatorProtocol+RequestTrial",
        "c.progress = Coordination.CoordinatorProtocol+TrialProgress",
        "c.finished = Coordination.CoordinatorProtocol+TrialFinished",
        "c.get-status = Coordination.CoordinatorProtocol+GetSweepStatus",
        "c.stop = Coordination.CoordinatorProtocol+StopSweep",
        "c.await = Coordination.CoordinatorProtocol+AwaitCompletion",
        "c.completed = Coordination.CoordinatorProtocol+SweepCompleted",
        "c.refused = Coordination.CoordinatorProtocol+SweepRefused",
        "c.return = Coordination.CoordinatorProtocol+ReturnTrial",
        "c.get-stats = Coordination.CoordinatorProtocol+GetCoordinatorStats",
        "c.stats = Coordination.CoordinatorStats",
        "c.status = Coordination.SweepStatus",
        "c.summary = Coordination.SweepSummary",
        "c.assignment-started = Coordination.CoordinatorProtocol+AssignmentStarted",
        "w.assign = Workers.WorkerProtocol+AssignTrial",
        "w.assign-pack = Workers.WorkerProtocol+AssignPack",
        "w.stop = Workers.WorkerProtocol+StopTrial",
        "w.get-status = Workers.WorkerProtocol+GetWorkerStatus",
        "w.registered = Workers.WorkerProtocol+WorkerRegistered",
        "w.sweep-over = Workers.WorkerProtocol+SweepOver",
        "w.status = Workers.WorkerStatus",
        "w.verdict = Workers.WorkerProtocol+EpochVerdict",
        "r.record = Results.ResultsProtocol+RecordResult",
        "r.recorded = Results.ResultsProtocol+ResultRecorded",
        "r.get-recorded = Results.ResultsProtocol+GetRecordedTrials",
        "r.recorded-all = Results.ResultsProtocol+RecordedTrials",
        "r.get-leaderboard = Results.ResultsProtocol+GetLeaderboard",
        "r.flush = Results.ResultsProtocol+FlushLeaderboard",
        "r.leaderboard = Results.ResultsProtocol+LeaderboardSnapshot",
        "e.sweep-started = Coordination.CoordinatorEvents+SweepStarted",
        "e.attempt-failed = Coordination.CoordinatorEvents+AttemptFailed",
        "e.trial-settled = Coordination.CoordinatorEvents+TrialSettled",
        "e.scheduler-reported = Coordination.CoordinatorEvents+SchedulerReported",
        "e.trial-suggested = Coordination.CoordinatorEvents+TrialSuggested",
    ];

    [Fact]
    public void Manifest_table_equals_the_pinned_list()
    {
        // given the serializer's table, when written as "manifest = type", then it is exactly the shipped list, in order
        Assert.Equal(PinnedManifests, SweepManifests.Table.Select(e => $"{e.Key} = {RelativeName(e.Value)}"));
    }

    [Fact]
    public void Every_sweep_message_type_has_exactly_one_manifest_and_manifests_are_unique()
    {
        // given every concrete ISweepMessage type of the assembly
        var types = typeof(ISweepMessage).Assembly.GetTypes()
            .Where(t => typeof(ISweepMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(RelativeName).Order();

        // then the table names each once, no manifest twice, and no old alias shadows a current manifest
        Assert.Equal(types, SweepManifests.Table.Select(e => RelativeName(e.Value)).Order());
        Assert.Equal(SweepManifests.Table.Count, SweepManifests.Table.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(SweepManifests.LegacyAliases.Select(a => a.Key).Intersect(SweepManifests.Table.Select(e => e.Key)));
    }

    [Fact]
    public void Serializer_writes_the_fixed_manifest_not_the_clr_name()
    {
        var message = new SweepStarted("test", "abc123", 5);
        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.Equal("e.sweep-started", Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }

    [Fact]
    public void Journal_events_written_with_their_old_clr_name_manifests_are_still_read()
    {
        // given events as journals before the fixed manifests stored them (the old serializer's bytes and manifests)
        var stored = new (string Manifest, string Json, object Expected)[]
        {
            ("Coordination.CoordinatorEvents+SweepStarted", """{"SweepId":"test","DefinitionHash":"abc123","Total":5}""", new SweepStarted("test", "abc123", 5)),
            ("Coordination.CoordinatorEvents+AttemptFailed", """{"Index":2,"Attempt":1}""", new AttemptFailed(2, 1)),
            ("Coordination.CoordinatorEvents+TrialSettled", """{"Index":4,"Status":"Interrupted"}""", new TrialSettled(4, TrialStatus.Interrupted)),
        };

        // when the journal reads them back through the actor system's serialization
        var back = stored.Select(s => Sys.Serialization.Deserialize(System.Text.Encoding.UTF8.GetBytes(s.Json), SweepJsonSerializer.Id, s.Manifest));

        // then they are the events that were written
        Assert.Equal(stored.Select(s => s.Expected), back);
    }

    [Fact]
    public void Unknown_manifest_is_an_error_not_a_type_lookup()
    {
        var serializer = (SweepJsonSerializer)Sys.Serialization.FindSerializerForType(typeof(RequestTrial));
        Assert.ThrowsAny<Exception>(() => serializer.FromBinary("{}"u8.ToArray(), "System.Diagnostics.Process"));
    }

    private static string RelativeName(Type type) => type.FullName!["SweepCluster.Cluster.".Length..];

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), new JsonSerializerOptions
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        Converters = { new DataSpecNameConverter() },
    });

    /// <summary>Writes a DataSpec with its runtime type's properties, so that a subtype lost in transit shows up.</summary>
    private sealed class DataSpecNameConverter : System.Text.Json.Serialization.JsonConverter<DataSpec>
    {
        public override DataSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, DataSpec value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.GetType().Name + ":" + value);
    }
}
