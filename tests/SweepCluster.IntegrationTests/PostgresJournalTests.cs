namespace SweepCluster.IntegrationTests;

[Collection(ProcessCollection.Name)]
public sealed class PostgresJournalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_coordinator_with_a_PostgreSQL_journal_resumes_without_retraining_finished_trials()
    {
        var (server, problem) = PostgresServer.TryStart();
        if (server is null)
        {
            // xunit 2 has no dynamic skip: say so where CI output shows it, and pass.
            var message = $"SKIPPED: PostgreSQL journal test: cannot start PostgreSQL here ({problem})";
            output.WriteLine(message);
            Console.Error.WriteLine(message);
            return;
        }
        using (server)
        {
            using var cluster = new TestCluster(output, trials: 8);
            await ResumeScenario.RunAsync(cluster, output, ["--journal", "postgres", "--journal-connection", server.ConnectionString]);
            Assert.False(File.Exists(Path.Combine(cluster.OutputDirectory, "journal.db")), "the journal was PostgreSQL, not SQLite");
        }
    }
}
