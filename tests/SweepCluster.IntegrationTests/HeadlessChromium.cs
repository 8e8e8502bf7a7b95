using System.Diagnostics;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A headless Chromium from PATH (scripts/test.sh installs Debian's <c>chromium</c> when it can), run with a fresh profile
/// and nothing that reaches the network; null where there is none, so that a test can skip its browser check.
/// </summary>
internal static class HeadlessChromium
{
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>The DOM of <paramref name="page"/> once its scripts have run.</summary>
    public static string DumpDom(string browser, string page)
    {
        var profile = Directory.CreateTempSubdirectory("sweepcluster-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(page).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 90 s");
            }
            return output.Result;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
