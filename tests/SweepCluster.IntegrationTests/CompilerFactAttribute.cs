namespace SweepCluster.IntegrationTests;

/// <summary>A fact that needs a C compiler (to build a stub native library): skipped, saying why, where there is none.</summary>
public sealed class CompilerFactAttribute : FactAttribute
{
    public CompilerFactAttribute()
    {
        if (StubLibTorch.WhyUnavailable() is { } reason)
        {
            Skip = "SKIPPED: " + reason;
        }
    }
}
