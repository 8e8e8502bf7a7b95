namespace SweepCluster.Cli.Tests.Support;

/// <summary>A fact that is skipped, with the reason shown, where no headless Chromium is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Find() is null)
        {
            Skip = "SKIPPED: chromium not available (scripts/test.sh installs the Debian package when apt is usable)";
        }
    }
}
