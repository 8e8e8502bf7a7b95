namespace SweepCluster.Cli;

/// <summary>The process exit codes DESIGN.md fixes.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int TrialsFailed = 1;
    public const int BadInput = 2;
}
