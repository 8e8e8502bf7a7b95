using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace SweepCluster.Cluster.Serialization;

/// <summary>
/// System.Text.Json for every <see cref="ISweepMessage"/>. The manifest is the type's fixed entry in
/// <see cref="SweepManifests"/>, never derived from its CLR name, so a manifest can only ever name one of our
/// message types and a rename breaks no stored journal. Older journals' manifests are read as aliases.
/// </summary>
public sealed class SweepJsonSerializer : SerializerWithStringManifest
{
    /// <summary>Our serializer id (user ids start above 100; Akka's own stay below).</summary>
    public const int Id = 7301;

    private static readonly FrozenDictionary<string, Type> TypesByManifest =
        SweepManifests.Table.Concat(SweepManifests.LegacyAliases).ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> ManifestsByType =
        SweepManifests.Table.ToFrozenDictionary(entry => entry.Value, entry => entry.Key);

    public SweepJsonSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => Id;

    public static IReadOnlyCollection<Type> MessageTypes => ManifestsByType.Keys;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), SweepJson.Options);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!TypesByManifest.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"unknown sweep message manifest '{manifest}'");
        }
        return JsonSerializer.Deserialize(bytes, type, SweepJson.Options)
            ?? throw new SerializationException($"empty sweep message of type '{manifest}'");
    }

    public override string Manifest(object o) => ManifestsByType.TryGetValue(o.GetType(), out var manifest) ? manifest
        : throw new SerializationException($"{o.GetType().FullName} has no manifest: add one to {nameof(SweepManifests)}");
}
