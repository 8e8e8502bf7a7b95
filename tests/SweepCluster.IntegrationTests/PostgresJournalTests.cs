namespace SweepCluster.IntegrationTests;

[Collection(ProcessCollection.Name)]
public sealed class PostgresJournalTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task Killed_coordinator_with_a_PostgreSQL_journal_resumes_without_retraining_finished_trials()
    {
        // given a PostgreSQL server (the attribute skipped the test where none can run; one that is there but fails to start is a failure)
        var (server, problem) = PostgresServer.TryStart();
        Assert.True(server is not null, $"PostgreSQL is installed but did not start: {problem}");
        using (server)
        {
            using var cluster = new TestCluster(output, trials: 8, epochs: ResumeScenario.Epochs);
            await ResumeScenario.RunAsync(cluster, output, ["--journal", "postgres", "--journal-connection", server.ConnectionString]);
            Assert.False(File.Exists(Path.Combine(cluster.OutputDirectory, "journal.db")), "the journal was PostgreSQL, not SQLite");
        }
    }
}
