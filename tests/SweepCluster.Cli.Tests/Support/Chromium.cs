using System.Diagnostics;

namespace SweepCluster.Cli.Tests.Support;

/// <summary>
/// A headless Chromium (the Debian package <c>chromium</c>, which scripts/test.sh installs when apt is usable),
/// run with a fresh profile and nothing that reaches the network.
/// </summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>Names the browser to use instead of searching PATH (a path that does not exist means "none").</summary>
    public const string OverrideVariable = "SWEEPCLUSTER_CHROMIUM";

    /// <summary>The browser's path, or null.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? chosen : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the browser on <paramref name="page"/> with <paramref name="extra"/> arguments; returns stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string page, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("sweepcluster-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Find() ?? throw new InvalidOperationException("chromium not found"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}",
                "--enable-logging=stderr", "--v=0", .. extra, new Uri(page).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 90 s");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
