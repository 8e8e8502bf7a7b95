namespace SweepCluster.Cli;

/// <summary>The process exit codes (README, "Exit codes"; docs/architecture.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int TrialsFailed = 1;
    public const int BadInput = 2;
}
