using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Conversations.LoadBenchmark;

/// <summary>
/// PostgreSQL restarted (pg_ctl restart -m fast) while webhooks keep arriving: readiness should go 503 while
/// it is down, no acknowledged message may be lost, failed deliveries are retried as Meta would (same
/// message id), and the product should recover on its own.
/// </summary>
public static class PostgresRestart
{
    public static async Task RunAsync(
        string bin, string dataDirectory, Uri product, WebhookLoad load, NpgsqlDataSource database, int rate, TimeSpan duration)
    {
        using var probe = new HttpClient { BaseAddress = product, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var readiness = new List<(TimeSpan At, int Status)>();
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            var last = -1;
            while (!stop.IsCancellationRequested)
            {
                int status;
                try
                {
                    using var answer = await probe.GetAsync("/health/ready");
                    status = (int)answer.StatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                if (status != last)
                {
                    lock (readiness)
                    {
                        readiness.Add((clock.Elapsed, status));
                    }

                    last = status;
                }

                await Task.Delay(100);
            }
        });

        var acknowledgedBefore = load.Acknowledged.Count;
        load.Failed.Clear();
        var phaseStart = load.Elapsed - clock.Elapsed;
        var traffic = load.OpenLoopAsync($"open loop at {rate} msg/s across a PostgreSQL restart", rate, duration);
        await Task.Delay(duration / 4);
        var restartAt = clock.Elapsed;
        await PgCtlAsync(bin, dataDirectory);
        var restartedAt = clock.Elapsed;
        var result = await traffic;
        await stop.CancelAsync();
        await watch;
        Console.WriteLine(result);
        Console.WriteLine($"postgresql restart: pg_ctl restart -m fast from {restartAt.TotalSeconds:0.0} s to {restartedAt.TotalSeconds:0.0} s");
        lock (readiness)
        {
            Console.WriteLine("readiness (/health/ready): " + string.Join(", ", readiness.Select(r => $"{r.Status} at {r.At.TotalSeconds:0.0} s")));
        }

        var failed = load.Failed.Select(f => f.At - phaseStart).ToList();
        Console.WriteLine(failed.Count > 0
            ? $"{failed.Count} webhooks not acknowledged, from {failed.Min().TotalSeconds:0.0} s to {failed.Max().TotalSeconds:0.0} s; every later one answered 200"
            : "no webhook failed");

        // Meta redelivers what was not acknowledged; each must be stored once, and nothing acknowledged lost.
        var redelivered = await load.RedeliverFailedAsync();
        Console.WriteLine($"redelivered {redelivered.Sent} unacknowledged webhooks: {redelivered.Acknowledged} now acknowledged");
        var acknowledged = load.Acknowledged.ToArray();

        // Our own pooled connections died with the old server.
        database.Clear();
        await using var stored = database.CreateCommand(
            "SELECT count(*), count(DISTINCT provider_message_id) FROM messages WHERE provider_message_id = ANY(@ids)");
        stored.Parameters.AddWithValue("ids", acknowledged);
        await using var reader = await stored.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"after the restart: {acknowledged.Length} acknowledged in the whole run ({acknowledged.Length - acknowledgedBefore} in this phase), "
            + $"{reader.GetInt64(0)} stored, {reader.GetInt64(1)} distinct"
            + (reader.GetInt64(0) == acknowledged.Length && reader.GetInt64(1) == acknowledged.Length ? " (none lost, none twice)" : " (MISMATCH)"));
    }

    private static async Task PgCtlAsync(string bin, string dataDirectory)
    {
        // The server refuses to run as root: run pg_ctl as the data directory's owner, as ./conversations does.
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(bin, "pg_ctl")) { UseShellExecute = false };
        var arguments = asRoot ? new List<string> { "-u", "postgres", "--", Path.Combine(bin, "pg_ctl") } : [];

        // The restarted server must log to a file: with no -l it would hold our output pipe open forever.
        var log = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory).TrimEnd('/'))!, "postgres.log");
        arguments.AddRange(["-D", dataDirectory, "-l", log, "-s", "restart", "-m", "fast", "-w", "-t", "60"]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed with {process.ExitCode}");
        }
    }
}
