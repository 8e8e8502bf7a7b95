namespace SweepCluster.IntegrationTests;

/// <summary>
/// A fact that is skipped, with the reason shown in the test output, where this machine cannot run PostgreSQL
/// (not Linux, no initdb, root without a 'postgres' user), instead of passing without testing anything.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.WhyUnavailable() is { } reason)
        {
            Skip = $"SKIPPED: PostgreSQL journal test: {reason} (docker-compose.yml or the Debian package postgresql provide one)";
        }
    }
}
