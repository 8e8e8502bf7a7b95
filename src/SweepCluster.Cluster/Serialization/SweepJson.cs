using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SweepCluster.Core.Sweeps;

namespace SweepCluster.Cluster.Serialization;

/// <summary>
/// The JSON settings of messages on the wire and events in the journal. The abstract <see cref="DataSpec"/> is
/// made polymorphic here, by a resolver modifier, rather than by attributes in Core (Core stays free of wire
/// concerns). NaN and infinities are kept: a diverged trial's losses travel as they are. Built once, read-only.
/// </summary>
internal static class SweepJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DataSpecSubtypes } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void DataSpecSubtypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(DataSpec))
        {
            return;
        }
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$kind",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            DerivedTypes =
            {
                new JsonDerivedType(typeof(SyntheticDataSpec), "synthetic"),
                new JsonDerivedType(typeof(CsvDataSpec), "csv"),
            },
        };
    }
}
