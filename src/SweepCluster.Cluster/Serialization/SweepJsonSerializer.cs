using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace SweepCluster.Cluster.Serialization;

/// <summary>
/// System.Text.Json for every <see cref="ISweepMessage"/>. The manifest is the message type's name relative to
/// this assembly (e.g. <c>Coordination.CoordinatorProtocol+RequestTrial</c>), looked up in a table built once
/// from the assembly, so a manifest can only ever name one of our message types.
/// </summary>
public sealed class SweepJsonSerializer : SerializerWithStringManifest
{
    /// <summary>Our serializer id (user ids start above 100; Akka's own stay below).</summary>
    public const int Id = 7301;

    private const string NamespacePrefix = "SweepCluster.Cluster.";

    private static readonly FrozenDictionary<string, Type> TypesByManifest = typeof(ISweepMessage).Assembly.GetTypes()
        .Where(t => typeof(ISweepMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .ToFrozenDictionary(ManifestOf);

    public SweepJsonSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => Id;

    public static IReadOnlyCollection<Type> MessageTypes => TypesByManifest.Values;

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

    public override string Manifest(object o) => ManifestOf(o.GetType());

    private static string ManifestOf(Type type)
    {
        var name = type.FullName ?? type.Name;
        return name.StartsWith(NamespacePrefix, StringComparison.Ordinal) ? name[NamespacePrefix.Length..] : name;
    }
}
