using System.Text.Json;
using System.Text.Json.Serialization;

namespace SweepCluster.Core.Results;

/// <summary>
/// The JSON settings of every result file: snake_case names and enum values, and NaN/Infinity kept as
/// named literals in results.jsonl so that a diverged trial's losses read back as they were.
/// </summary>
internal static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
