using System.Text.Json.Serialization;

namespace SweepCluster.Cluster.Journal;

/// <summary>
/// One line of a <see cref="FileJournal"/>: an event (its persistence id, sequence number, and its payload as the
/// actor system's serializer wrote it, in base64), or a deletion mark (<see cref="DeletedTo"/>: events up to it are gone).
/// </summary>
internal sealed record JournalLine(
    [property: JsonPropertyName("pid")] string PersistenceId,
    [property: JsonPropertyName("seq"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long SequenceNr = 0,
    [property: JsonPropertyName("serializer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int SerializerId = 0,
    [property: JsonPropertyName("manifest"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string Manifest = "",
    [property: JsonPropertyName("payload"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string Payload = "",
    [property: JsonPropertyName("writer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string WriterGuid = "",
    [property: JsonPropertyName("deleted_to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long DeletedTo = 0);
