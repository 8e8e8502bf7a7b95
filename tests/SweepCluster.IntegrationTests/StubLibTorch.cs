using System.Diagnostics;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A libtorch folder whose libraries exist (libc10.so, libtorch_cpu.so, libtorch.so, with their sonames) but export nothing:
/// TorchSharp's bridge finds its libraries and none of their symbols, as with a libtorch of a far-off version. Built with the
/// machine's C compiler; <see cref="WhyUnavailable"/> says when there is none.
/// </summary>
internal static class StubLibTorch
{
    private static readonly string[] Libraries = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    public static string? WhyUnavailable() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "cc"))) == true
            ? null
            : "no C compiler (cc) to build the stub libtorch";

    /// <summary>Builds the stub into <paramref name="folder"/>/torch/lib with <c>torch/version.py</c> saying <paramref name="version"/>; returns the lib folder.</summary>
    public static string Build(string folder, string version)
    {
        var lib = Directory.CreateDirectory(Path.Combine(folder, "torch", "lib")).FullName;
        File.WriteAllText(Path.Combine(folder, "torch", "version.py"), $"__version__ = '{version}'\n");
        var source = Path.Combine(lib, "stub.c");
        File.WriteAllText(source, "int sweepcluster_stub_libtorch(void) { return 0; }\n");
        foreach (var library in Libraries)
        {
            Compile(source, library, Path.Combine(lib, library));
        }
        return lib;
    }

    private static void Compile(string source, string soname, string output)
    {
        var info = new ProcessStartInfo("cc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-shared", "-fPIC", $"-Wl,-soname,{soname}", "-o", output, source })
        {
            info.ArgumentList.Add(argument);
        }
        using var compiler = Process.Start(info)!;
        var errors = compiler.StandardError.ReadToEnd();
        if (!compiler.WaitForExit(60_000) || compiler.ExitCode != 0)
        {
            throw new InvalidOperationException($"cc could not build the stub {output}: {errors}");
        }
    }
}
