using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conversations.LoadBenchmark;

/// <summary>
/// A child process on 127.0.0.1: the product (co-hosted frontend + silo) or the trivial endpoint. Killed
/// when disposed.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    private ChildProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Id => process.Id;

    public string RecentOutput => string.Join(Environment.NewLine, output);

    /// <summary>Starts the product with its own cluster id and ports, so it never meets another run's silos.</summary>
    public static async Task<ChildProcess> StartProductAsync(string dll, string connectionString, string clusterId, bool assistant)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))! };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Conversations__Demo__Enabled"] = "false",
            // --assistant true: the offline assistant answers every message (a second write path per message).
            ["Conversations__Assistant__Enabled"] = assistant ? "true" : "false",
            ["Conversations__Mail__PickupFolder"] = Path.Combine(Path.GetTempPath(), "conversations-bench-mail"),
            ["Conversations__Cluster__ClusterId"] = clusterId,
            ["Conversations__Cluster__ServiceId"] = clusterId,
            ["Conversations__Cluster__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Conversations__Cluster__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // One login per business from one address: the per-IP credential limit is for the internet, not this.
            ["Conversations__RateLimits__CredentialsPermitLimit"] = "100000",
        };
        var child = Start(start, environment, new Uri($"http://127.0.0.1:{port}"));
        await child.WaitForAsync("/health/ready", TimeSpan.FromSeconds(90));
        return child;
    }

    /// <summary>This same executable in its <c>trivial-endpoint</c> mode.</summary>
    public static async Task<ChildProcess> StartTrivialEndpointAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add("trivial-endpoint");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var child = Start(start, new Dictionary<string, string>(), new Uri($"http://127.0.0.1:{port}"));
        await child.WaitForAsync("/", TimeSpan.FromSeconds(30));
        return child;
    }

    /// <summary>Resident set size from /proc, in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static ChildProcess Start(ProcessStartInfo start, Dictionary<string, string> environment, Uri url)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process, url);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private async Task WaitForAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{start(process)} exited:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode is HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Url}{path} not 200 after {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");

        static string start(Process p) => p.StartInfo.ArgumentList.FirstOrDefault() ?? p.StartInfo.FileName;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 100 && output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
