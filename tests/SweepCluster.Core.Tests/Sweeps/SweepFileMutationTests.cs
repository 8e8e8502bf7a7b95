using System.Text;
using SweepCluster.Core.Sweeps;
using Xunit.Abstractions;

namespace SweepCluster.Core.Tests.Sweeps;

/// <summary>
/// A seeded mutation fuzz of the sweep reader `validate` uses: every file in sweeps/, damaged in small ways a person or an
/// editor might damage it (a line deleted, duplicated or swapped, the text cut off, a bracket, colon, dash, tab or quote
/// typed somewhere). Each mutant must either load or be a <see cref="SweepValidationException"/> (exit 2, file:line:col);
/// nothing else may escape, because anything else is an "Unhandled exception" with a stack trace and exit 1.
/// </summary>
public sealed class SweepFileMutationTests(ITestOutputHelper output)
{
    private const int MutantsPerFile = 60;
    private static readonly string[] Insertions = ["{", "[", ":", "- ", "\t", "\"", "'", "}", "]", "&a ", "*a", "? ", "|", ">"];

    [Fact]
    public void No_mutant_of_any_example_sweep_throws_anything_but_a_validation_error()
    {
        // given every example sweep file and 60 seeded mutants of each
        var files = Directory.EnumerateFiles(RepoRoot.Sweeps, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var (valid, invalid) = (0, 0);
        var escaped = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var random = new Random(StableSeed(Path.GetFileName(file)));
            for (var i = 0; i < MutantsPerFile; i++)
            {
                var (what, mutant) = Mutate(text, random);

                // when the mutant is read as validate reads it
                switch (Outcome(mutant, file))
                {
                    case null:
                        valid++;
                        break;
                    case SweepValidationException e:
                        invalid++;
                        Assert.All(e.Errors, error => Assert.Equal(Path.GetFileName(file), error.File));
                        break;
                    case var other:
                        escaped.Add($"{Path.GetFileName(file)} mutant {i} ({what}): {other.GetType().Name}: {other.Message}");
                        break;
                }
            }
        }

        // then each one loaded or was a validation error, and the fuzz found both kinds (it is not vacuous)
        output.WriteLine($"{files.Count} files, {valid + invalid + escaped.Count} mutants: {valid} valid, {invalid} validation errors, {escaped.Count} other exceptions");
        Assert.True(escaped.Count == 0, string.Join(Environment.NewLine, escaped));
        Assert.True(valid > 0 && invalid > 0, $"{valid} valid, {invalid} invalid: the mutations should give both");
    }

    [Fact]
    public void A_flow_mapping_left_open_before_a_later_block_is_a_syntax_error_with_its_position()
    {
        // given a sweep whose parameters mapping was opened with '{' and never closed, with a block after it
        var text = File.ReadAllText(Path.Combine(RepoRoot.Sweeps, "input-selection.yaml"))
            .Replace("parameters:\n", "parameters: {\n", StringComparison.Ordinal) + "scheduler: { kind: median }\n";

        // when it is read
        var error = Assert.Throws<SweepValidationException>(() => SweepFile.Parse(text, "input-selection.yaml", RepoRoot.Sweeps));

        // then the one error is a YAML syntax error at a line and column of the file
        var only = Assert.Single(error.Errors);
        Assert.StartsWith("YAML syntax: ", only.Message, StringComparison.Ordinal);
        Assert.InRange(only.Line, 1, text.Split('\n').Length);
        Assert.True(only.Column > 0, only.ToString());
    }

    /// <summary>Null when the mutant loads and its first trials expand (as validate's preview does); otherwise what was thrown.</summary>
    private static Exception? Outcome(string mutant, string file)
    {
        try
        {
            var sweep = SweepFile.Parse(mutant, Path.GetFileName(file), Path.GetDirectoryName(file)!);
            _ = sweep.CountTrials();
            _ = sweep.ExpandTrials().Take(5).ToList();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static (string What, string Mutant) Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(6))
        {
            case 0:
                lines.RemoveAt(line);
                return ($"line {line + 1} deleted", string.Join('\n', lines));
            case 1:
                lines.Insert(line, lines[line]);
                return ($"line {line + 1} duplicated", string.Join('\n', lines));
            case 2:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return ($"lines {line + 1} and {other + 1} swapped", string.Join('\n', lines));
            case 3:
                var cut = random.Next(text.Length);
                return ($"cut at {cut}", text[..cut]);
            default:
                var insert = Insertions[random.Next(Insertions.Length)];
                var at = random.Next(text.Length + 1);
                return ($"'{insert}' inserted at {at}", text.Insert(at, insert));
        }
    }

    // string.GetHashCode differs between processes: the mutants must not.
    private static int StableSeed(string name) => Encoding.UTF8.GetBytes(name).Aggregate(17, (hash, b) => unchecked((hash * 31) + b));
}
