using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// A throw-away PostgreSQL server for a test: initdb into a temporary folder and pg_ctl start on a free
/// loopback port, using the binaries in /usr/local/bin (or on PATH). PostgreSQL refuses to run as root, so
/// as root the server runs as the 'postgres' user (runuser). Stopped and deleted on dispose.
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    private readonly string folder;
    private readonly string? runAs;
    private readonly string bin;

    private PostgresServer(string folder, string bin, string? runAs, int port)
    {
        this.folder = folder;
        this.bin = bin;
        this.runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=sweep;Database=postgres;Pooling=false";

    private static readonly string[] BinFolders = ["/usr/local/bin", "/usr/lib/postgresql/15/bin"];

    /// <summary>Why this machine cannot run a server (cheap checks, no process started), or null when it can try.</summary>
    public static string? WhyUnavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "PostgreSQL tests run on Linux only";
        }
        if (Bin() is null)
        {
            return $"no PostgreSQL binaries (initdb) in {string.Join(" or ", BinFolders)}";
        }
        if (Environment.UserName == "root" && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            return "running as root, and there is no 'postgres' user to run the server as";
        }
        return null;
    }

    /// <summary>Starts a server, or returns null with the reason when it could not start.</summary>
    public static (PostgresServer? Server, string Problem) TryStart()
    {
        if (!OperatingSystem.IsLinux() || WhyUnavailable() is not null) // IsLinux again for the platform analyzer
        {
            return (null, WhyUnavailable() ?? "");
        }
        var bin = Bin()!;
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var folder = Directory.CreateTempSubdirectory("sweepcluster-pg-").FullName;
        // The server may run as another user (postgres): it must be able to write here.
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        var server = new PostgresServer(folder, bin, runAs, FreePort());
        var data = Path.Combine(folder, "data");
        var (initOk, initOutput) = server.Run("initdb", "-D", data, "-U", "sweep", "--auth=trust", "--no-sync");
        if (!initOk)
        {
            server.Dispose();
            return (null, "initdb failed: " + initOutput);
        }
        var (startOk, startOutput) = server.Run("pg_ctl", "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "30",
            "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        if (!startOk)
        {
            server.Dispose();
            return (null, "pg_ctl start failed: " + startOutput);
        }
        return (server, "");
    }

    public void Dispose()
    {
        var data = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            Run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // files of another user: the OS cleans the temp folder later
        }
    }

    private (bool Ok, string Output) Run(string tool, params string[] arguments)
    {
        var info = runAs is null ? new ProcessStartInfo(Path.Combine(bin, tool)) : new ProcessStartInfo("runuser");
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", Path.Combine(bin, tool) })
            {
                info.ArgumentList.Add(a);
            }
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = folder;
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                return (false, $"{tool} timed out");
            }
            return (process.ExitCode == 0, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }

    private static string? Bin() => BinFolders.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
