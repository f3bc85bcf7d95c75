using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>
/// A real silo: <c>dotnet Conversations.Silo.dll</c> as a child process, configured through environment
/// variables exactly as in production. Killed (never left behind) when disposed.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private SiloProcess(string name, Process process, int siloPort, int gatewayPort)
    {
        Name = name;
        this.process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public string Name { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The newest lines the silo wrote, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output);

    public static SiloProcess Start(string name, ClusterSettings cluster)
    {
        var ports = SiloPorts.Free();
        var start = new ProcessStartInfo(SiloExecutable.DotnetHost)
        {
            // The content root is the working directory: the silo's own appsettings.json lives there.
            WorkingDirectory = Path.GetDirectoryName(SiloExecutable.Path)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(SiloExecutable.Path);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // These tests count the customers' messages; the assistant's replies are tested elsewhere.
        start.Environment["Conversations__Assistant__Enabled"] = "false";
        foreach (var (key, value) in ClusterSettings.ToEnvironment(cluster.Silo(ports)))
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(name, process, ports.Silo, ports.Gateway);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGKILL: no graceful shutdown, no goodbye to the membership table.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            process.Dispose();
        }
    }

    public override string ToString() => $"{Name} (silo port {SiloPort}, gateway port {GatewayPort})";

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptOutputLines && output.TryDequeue(out _))
        {
        }
    }
}
