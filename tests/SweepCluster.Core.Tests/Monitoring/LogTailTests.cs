using SweepCluster.Core.Monitoring;

namespace SweepCluster.Core.Tests.Monitoring;

public sealed class LogTailTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-tail-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Event(string time, string template, string trialId) =>
        $$"""{"@t":"{{time}}","@mt":"{{template}}","TrialId":"{{trialId}}","Worker":"n/worker-0","SweepId":"s","Node":"n"}""";

    [Fact]
    public void A_line_still_being_written_is_read_once_its_newline_arrives()
    {
        // Given a file whose last line has no newline yet
        var file = Path.Combine(folder, "n.clef");
        var line = Event("2026-01-01T00:00:01Z", EventTemplates.TrialStarted, "s-0");
        File.WriteAllText(file, line[..20]);
        var tail = new LogTail([folder]);

        // When followed, nothing is read until the line is complete, then it is read exactly once
        Assert.Empty(tail.ReadNew(final: false));
        File.AppendAllText(file, line[20..] + "\n");
        Assert.Equal("s-0", Assert.Single(tail.ReadNew(final: false)).Text("TrialId"));
        Assert.Empty(tail.ReadNew(final: false));
        Assert.Equal(0, tail.UnreadableLines);
    }

    [Fact]
    public void A_rolled_file_appearing_later_is_picked_up_and_merged_by_time()
    {
        // Given one node's file, then a second node's file with an earlier event appearing later
        File.WriteAllText(Path.Combine(folder, "a.clef"), Event("2026-01-01T00:00:03Z", EventTemplates.TrialStarted, "s-1") + "\n");
        var tail = new LogTail([folder]);
        Assert.Single(tail.ReadNew(final: false));
        File.WriteAllText(Path.Combine(folder, "b_001.clef"),
            Event("2026-01-01T00:00:05Z", EventTemplates.TrialStarted, "s-3") + "\n" + Event("2026-01-01T00:00:02Z", EventTemplates.TrialStarted, "s-2") + "\n");

        // When read again, only the new events come, in time order
        var events = tail.ReadNew(final: false);

        Assert.Equal(["s-2", "s-3"], events.Select(e => e.Text("TrialId")));
    }

    [Fact]
    public void A_late_start_event_does_not_reopen_a_finished_trial()
    {
        // Given a trial whose finish was read before a (clock-skewed) start event of the same trial
        var monitor = new SweepMonitor();
        var finished = ClefParser.TryParse(Event("2026-01-01T00:00:05Z", EventTemplates.TrialFinished, "s-0"), "x", 1)!;
        var started = ClefParser.TryParse(Event("2026-01-01T00:00:01Z", EventTemplates.TrialStarted, "s-0"), "x", 2)!;

        monitor.ApplyAll([finished, started]);

        var snapshot = monitor.Snapshot();
        Assert.Equal(1, snapshot.Done);
        Assert.Equal(0, snapshot.Running);
    }
}
