using SweepCluster.Core.Sweeps;
using SweepCluster.Core.Trials;

namespace SweepCluster.Core.Tests;

/// <summary>Helpers to parse sweep text in tests and to find the repository's files.</summary>
internal static class SweepText
{
    public const string File = "test.yaml";

    /// <summary>A valid sweep; tests replace lines of it to introduce one mistake at a known place.</summary>
    public const string Valid = """
        name: t
        method: grid
        seed: 1
        data:
          synthetic: { samples: 100, features: 4, informative: 2, classes: 3, seed: 2 }
        model: { widths: [8] }
        training: { epochs: 2 }
        parameters:
          lambda: { values: [0.0, 1.0e-3] }
        """;

    public static SweepDefinition Parse(string yaml, params string[] overrides) =>
        SweepFile.Parse(yaml, File, RepoRoot.Sweeps, overrides);

    public static IReadOnlyList<SweepError> Errors(string yaml, params string[] overrides) =>
        Assert.Throws<SweepValidationException>(() => Parse(yaml, overrides)).Errors;

    public static SweepError SingleError(string yaml, params string[] overrides)
    {
        var errors = Errors(yaml, overrides);
        return Assert.Single(errors);
    }

    /// <summary>The 1-based (line, column) of the first occurrence of <paramref name="marker"/>, plus <paramref name="offset"/> columns.</summary>
    public static (int Line, int Column) Pos(string yaml, string marker, int offset = 0)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (i + 1, at + 1 + offset);
            }
        }
        throw new ArgumentException($"'{marker}' is not in the text.", nameof(marker));
    }

    public static void AssertAt(SweepError error, (int Line, int Column) position, string messagePart)
    {
        Assert.Equal(File, error.File);
        Assert.Equal(position, (error.Line, error.Column));
        Assert.Contains(messagePart, error.Message);
    }

    /// <summary>Records compare lists by reference; trials are equal when their contents are.</summary>
    public static void AssertSameTrial(TrialSpec expected, TrialSpec actual)
    {
        Assert.Equal(expected.Widths, actual.Widths);
        Assert.Equal(expected.SweptValues, actual.SweptValues);
        Assert.Equal(expected, actual with { Widths = expected.Widths, SweptValues = expected.SweptValues });
    }
}
