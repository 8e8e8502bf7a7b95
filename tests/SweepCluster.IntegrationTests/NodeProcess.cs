using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace SweepCluster.IntegrationTests;

/// <summary>
/// One sweepcluster process (a coordinator or a worker node). Its output is kept for failure messages; it is
/// killed, with its children, when disposed, so that a failing test never leaves a node running.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int SigStop = 19; // Linux
    private const int SigCont = 18; // Linux

    private readonly Process process;
    private readonly StringBuilder output = new();
    private int id;

    private NodeProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The process id, also after the process has ended.</summary>
    public int Id => id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The node name a worker stamps into results and logs.</summary>
    public string WorkerNodeName => $"{Environment.MachineName}-worker-{id}";

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static NodeProcess Start(string name, IEnumerable<string> arguments) => Start(name, arguments, new Dictionary<string, string>());

    /// <summary>As <see cref="Start(string, IEnumerable{string})"/>, with <paramref name="environment"/> set for the process (after the clean-up of inherited variables).</summary>
    public static NodeProcess Start(string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(CliBinary.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = CliBinary.RepoRoot,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // The tests' settings come from arguments only; an inherited SWEEPCLUSTER_* variable must not change them.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("SWEEPCLUSTER_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info };
        var node = new NodeProcess(process, name);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        node.id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public void Kill() => Signal(SigKill);

    public void Terminate() => Signal(SigTerm);

    /// <summary>SIGSTOP: the process stops dead, as a hung node or one cut off by a network partition looks to the others.</summary>
    public void Freeze() => Signal(SigStop);

    /// <summary>SIGCONT: a frozen process runs on where it stopped.</summary>
    public void Wake() => Signal(SigCont);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:F0} s; its output:\n{Output}");
        }
        return process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
    }

    private void Signal(int signal)
    {
        if (!process.HasExited && SendSignal(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
