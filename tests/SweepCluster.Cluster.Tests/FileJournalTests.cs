using Akka.Actor;
using Akka.Persistence;
using SweepCluster.Cluster.Hosting;

namespace SweepCluster.Cluster.Tests;

public sealed class FileJournalTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"sweepcluster-file-journal-{Guid.NewGuid():N}");

    private string JournalPath => Path.Combine(folder, JournalOptions.FileName);

    [Fact]
    public async Task Events_written_by_one_process_are_replayed_in_order_by_the_next()
    {
        // given three events persisted, and the actor system gone (a process that ended)
        await WithRecorder(async recorder =>
        {
            foreach (var e in new[] { "a", "b", "c" })
            {
                Assert.Equal($"persisted {e}", await recorder.Ask<string>(e, Patience));
            }
        });

        // when a new system recovers the same persistence id from the file
        // then it sees them in order, and goes on numbering after them
        await WithRecorder(async recorder =>
        {
            Assert.Equal(["a", "b", "c"], await recorder.Ask<string[]>(Seen.Instance, Patience));
            await recorder.Ask<string>("d", Patience);
        });
        await WithRecorder(async recorder => Assert.Equal(["a", "b", "c", "d"], await recorder.Ask<string[]>(Seen.Instance, Patience)));
        Assert.Equal(4, File.ReadAllLines(JournalPath).Length);
    }

    [Fact]
    public async Task A_last_line_torn_by_a_crash_is_cut_off_and_the_file_goes_on_intact()
    {
        // given two events, then half of a third written when the process died
        await WithRecorder(async recorder => { await recorder.Ask<string>("a", Patience); await recorder.Ask<string>("b", Patience); });
        File.AppendAllText(JournalPath, """{"pid":"recorder","seq":3,"seriali""");

        // when the next process recovers and persists
        await WithRecorder(async recorder =>
        {
            Assert.Equal(["a", "b"], await recorder.Ask<string[]>(Seen.Instance, Patience));
            await recorder.Ask<string>("c", Patience);
        });

        // then the torn line is gone and the new event follows the intact ones
        await WithRecorder(async recorder => Assert.Equal(["a", "b", "c"], await recorder.Ask<string[]>(Seen.Instance, Patience)));
        Assert.Equal(3, File.ReadAllLines(JournalPath).Length);
    }

    [Fact]
    public async Task A_damaged_line_before_the_last_fails_the_recovery_naming_the_file_and_line_and_leaves_the_file_alone()
    {
        // given a journal whose second of three lines is not a record
        await WithRecorder(async recorder => { await recorder.Ask<string>("a", Patience); await recorder.Ask<string>("b", Patience); });
        var lines = File.ReadAllLines(JournalPath);
        File.WriteAllLines(JournalPath, [lines[0], "not json", lines[1]]);
        var before = File.ReadAllBytes(JournalPath);

        // when a new process recovers
        var failure = new TaskCompletionSource<string>();
        await WithRecorder(async _ => Assert.Contains($"{JournalPath}:2: not a journal record", await failure.Task.WaitAsync(Patience)), failure);

        // then the file is as it was
        Assert.Equal(before, File.ReadAllBytes(JournalPath));
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed()
    {
        await WithRecorder(async recorder =>
        {
            foreach (var e in new[] { "a", "b", "c" })
            {
                await recorder.Ask<string>(e, Patience);
            }
            Assert.Equal("deleted", await recorder.Ask<string>(new DeleteTo(2), Patience));
        });

        await WithRecorder(async recorder => Assert.Equal(["c"], await recorder.Ask<string[]>(Seen.Instance, Patience)));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task WithRecorder(Func<IActorRef, Task> use, TaskCompletionSource<string>? failure = null)
    {
        var system = ActorSystem.Create("file-journal-test", AkkaConfig.Embedded("WARNING", JournalOptions.FileIn(folder)));
        try
        {
            await use(system.ActorOf(Props.Create(() => new Recorder(failure))));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed record DeleteTo(long SequenceNr);

    private sealed class Seen
    {
        public static readonly Seen Instance = new();
    }

    /// <summary>Persists each string it is sent and answers when it is written; tells what it has seen, recovered or persisted.</summary>
    private sealed class Recorder : ReceivePersistentActor
    {
        private readonly List<string> seen = [];
        private readonly TaskCompletionSource<string>? failure;
        private IActorRef? deleting;

        public Recorder(TaskCompletionSource<string>? failure)
        {
            this.failure = failure;
            Recover<string>(seen.Add);
            Command<string>(e => Persist(e, persisted =>
            {
                seen.Add(persisted);
                Sender.Tell($"persisted {persisted}");
            }));
            Command<Seen>(_ => Sender.Tell(seen.ToArray()));
            Command<DeleteTo>(delete =>
            {
                deleting = Sender;
                DeleteMessages(delete.SequenceNr);
            });
            Command<DeleteMessagesSuccess>(_ => deleting?.Tell("deleted"));
        }

        public override string PersistenceId => "recorder";

        protected override void OnRecoveryFailure(Exception reason, object? message = null)
        {
            failure?.TrySetResult(reason.Message);
            base.OnRecoveryFailure(reason, message);
        }
    }
}
