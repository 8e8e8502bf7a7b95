using SweepCluster.Training.Native;
using SweepCluster.Training.Tests.Support;

namespace SweepCluster.Training.Tests;

public sealed class LibTorchCompatibilityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sweepcluster-libtorch-").FullName;

    [Fact]
    public void A_missing_symbol_is_named_with_the_folder_and_both_versions()
    {
        var lib = TorchLib("2.11.0+cu130");

        var message = LibTorchCompatibility.LinkFailure(lib, $"{lib}/libLibTorchSharp.so: undefined symbol: _ZN2at4_ops10empty_like4callERKNS_6TensorE");

        Assert.Equal($"SWEEPCLUSTER_LIBTORCH={lib}: the libtorch there lacks the symbol _ZN2at4_ops10empty_like4callERKNS_6TensorE; "
            + "TorchSharp expects libtorch 2.10, this folder has 2.11.0+cu130. Fix: point it at the torch/lib folder of a PyTorch 2.10 install, "
            + "or unset it to use the bundled CPU libtorch", message);
    }

    [Fact]
    public void Another_load_failure_is_reported_in_the_loaders_words()
    {
        var lib = Directory.CreateDirectory(Path.Combine(folder, "bare")).FullName;

        var message = LibTorchCompatibility.LinkFailure(lib, "libcudart.so.13: cannot open shared object file: No such file or directory");

        Assert.Contains("does not load with it (libcudart.so.13: cannot open shared object file: No such file or directory); TorchSharp expects libtorch 2.10.", message);
    }

    [Theory]
    [InlineData("2.10.0", null)]
    [InlineData("2.10.1+cu128", null)]
    [InlineData("2.11.0+cu130", "is libtorch 2.11.0+cu130, TorchSharp is built for 2.10: every symbol it needs links, so it is used")]
    [InlineData("2.1.0", "is libtorch 2.1.0, TorchSharp is built for 2.10")]
    public void Another_version_that_links_is_a_one_line_warning_naming_both(string version, string? expected)
    {
        var lib = TorchLib(version);

        var warning = LibTorchCompatibility.VersionWarning(lib);

        if (expected is null)
        {
            Assert.Null(warning);
        }
        else
        {
            Assert.StartsWith($"SWEEPCLUSTER_LIBTORCH={lib} ", warning);
            Assert.Contains(expected, warning);
            Assert.DoesNotContain('\n', warning!);
        }
    }

    [Fact]
    public void A_folder_without_version_py_has_no_known_version_and_no_warning()
    {
        var lib = Directory.CreateDirectory(Path.Combine(folder, "plain", "lib")).FullName;

        Assert.Null(LibTorchCompatibility.FolderVersion(lib));
        Assert.Null(LibTorchCompatibility.VersionWarning(lib));
    }

    [Fact]
    public void The_expected_version_is_the_libtorch_package_the_build_pins()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"));

        Assert.Contains($"<PackageVersion Include=\"libtorch-cpu-linux-x64\" Version=\"{LibTorchCompatibility.ExpectedVersion}.", props);
    }

    private string TorchLib(string version)
    {
        var torch = Directory.CreateDirectory(Path.Combine(folder, version, "torch")).FullName;
        File.WriteAllText(Path.Combine(torch, "version.py"), $"__version__ = '{version}'\ndebug = False\n");
        return Directory.CreateDirectory(Path.Combine(torch, "lib")).FullName;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
