namespace SweepCluster.Cli.Tests.Support;

/// <summary>A temporary folder holding a copy of the recorded sweep output, deleted on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = Directory.CreateTempSubdirectory("sweepcluster-cli-").FullName;
        foreach (var file in Directory.GetFiles(TestPaths.RecordedOutput))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
