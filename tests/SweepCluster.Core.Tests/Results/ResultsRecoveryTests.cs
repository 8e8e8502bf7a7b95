using System.Text;
using SweepCluster.Core.Results;

namespace SweepCluster.Core.Tests.Results;

public sealed class ResultsRecoveryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-recover-").FullName;

    private string PathOf => Path.Combine(folder, "results.jsonl");

    [Fact]
    public void Whole_lines_are_kept_byte_for_byte_and_nothing_is_rewritten()
    {
        // given three whole lines
        WriteEntries(3);
        var before = File.ReadAllBytes(PathOf);
        var written = File.GetLastWriteTimeUtc(PathOf);

        // when recovered
        var recovered = ResultsJournal.Recover(PathOf);

        // then all three are read, nothing is torn, and the file is the same bytes
        Assert.Equal(["s-0", "s-1", "s-2"], recovered.Entries.Select(e => e.TrialId));
        Assert.Null(recovered.TornLine);
        Assert.Equal(before, File.ReadAllBytes(PathOf));
        Assert.Equal(written, File.GetLastWriteTimeUtc(PathOf));
    }

    [Fact]
    public void A_torn_last_line_is_cut_off_and_named_and_the_lines_before_it_stay_as_they_were()
    {
        // given two whole lines and half of a third (a write cut off by kill -9)
        WriteEntries(3);
        var bytes = File.ReadAllBytes(PathOf);
        var secondEnd = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        File.WriteAllBytes(PathOf, bytes[..(secondEnd + (bytes.Length - secondEnd) / 2)]);

        // when recovered
        var recovered = ResultsJournal.Recover(PathOf);

        // then line 3 is dropped and named, and the file is exactly the first two lines
        Assert.Equal(3, recovered.TornLine);
        Assert.Equal(["s-0", "s-1"], recovered.Entries.Select(e => e.TrialId));
        Assert.Equal(bytes[..secondEnd], File.ReadAllBytes(PathOf));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void A_whole_last_line_without_its_newline_is_kept_and_terminated()
    {
        // given a last line whose newline never reached the disk
        WriteEntries(2);
        var bytes = File.ReadAllBytes(PathOf);
        File.WriteAllBytes(PathOf, bytes[..^1]);

        // when recovered
        var recovered = ResultsJournal.Recover(PathOf);

        // then both entries are kept and the file ends with a newline again, so the next append starts a new line
        Assert.Equal(2, recovered.Entries.Count);
        Assert.Null(recovered.TornLine);
        Assert.Equal(bytes, File.ReadAllBytes(PathOf));
    }

    [Fact]
    public void A_bad_line_before_the_last_is_an_error_naming_the_line_and_changes_nothing()
    {
        // given a broken line in the middle (edited by hand, not torn by a crash)
        WriteEntries(3);
        var lines = File.ReadAllLines(PathOf);
        lines[1] = "{ not json";
        File.WriteAllText(PathOf, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        var before = File.ReadAllBytes(PathOf);

        // when recovered
        var error = Assert.Throws<InvalidDataException>(() => ResultsJournal.Recover(PathOf));

        // then the message names the file and line 2, and the file is untouched
        Assert.StartsWith($"{PathOf}:2:", error.Message);
        Assert.Equal(before, File.ReadAllBytes(PathOf));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void WriteEntries(int count)
    {
        using var journal = ResultsJournal.Create(PathOf);
        journal.Write([.. Enumerable.Range(0, count).Select(i => Entries.Completed(i, 0.5 + i))]);
    }
}
