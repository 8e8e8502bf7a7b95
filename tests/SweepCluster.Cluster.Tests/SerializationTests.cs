using System.Text.Json;
using Akka.TestKit.Xunit2;
using SweepCluster.Cluster.Coordination;
using SweepCluster.Cluster.Hosting;
using SweepCluster.Cluster.Serialization;
using SweepCluster.Cluster.Workers;
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
        // given the nested records of the protocols and events (HandBackTrial, its reply and CoordinatorFailed stay in the node)
        var local = new[] { typeof(HandBackTrial), typeof(TrialHandedBack), typeof(CoordinatorFailed) };
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
    public void Unknown_manifest_is_an_error_not_a_type_lookup()
    {
        var serializer = (SweepJsonSerializer)Sys.Serialization.FindSerializerForType(typeof(RequestTrial));
        Assert.ThrowsAny<Exception>(() => serializer.FromBinary("{}"u8.ToArray(), "System.Diagnostics.Process"));
    }

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
