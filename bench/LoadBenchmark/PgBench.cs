using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Conversations.LoadBenchmark;

/// <summary>
/// The durable-write ceiling: pgbench on the same server and database, each transaction inserting one row
/// shaped like a <c>messages</c> row (same columns, same unique indexes, a body of the same length),
/// committed with the server's own durability settings.
/// </summary>
public static partial class PgBench
{
    public static async Task<double?> RowsPerSecondAsync(string bin, string connectionString, NpgsqlDataSource database, int clients, TimeSpan duration)
    {
        var pgbench = Path.Combine(bin, "pgbench");
        if (!File.Exists(pgbench))
        {
            Console.WriteLine($"pgbench: not found in {bin}");
            return null;
        }

        await using (var create = database.CreateCommand("""
            DROP TABLE IF EXISTS bench_message_rows;
            CREATE TABLE bench_message_rows (LIKE messages INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        var script = Path.Combine(Path.GetTempPath(), $"bench-insert-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script, """
            \set seq random(1, 1000000000)
            INSERT INTO bench_message_rows (id, business_id, conversation_id, sequence, direction, sender, kind, body, content, provider_message_id, sent_at, stored_at)
            VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', gen_random_uuid(), :seq, 'inbound', 'customer', 'text',
                    'Hola, quería reservar una lectura de tarot para el jueves por la tarde, ¿hay hueco?',
                    '{"kind":"text","text":"Hola, quería reservar una lectura de tarot para el jueves por la tarde, ¿hay hueco?"}',
                    'wamid.pgbench.' || :client_id || '.' || :seq || '.' || random(), now(), now());

            """);

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgbench)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-n", "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!,
                     "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
                     "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-f", script, builder.Database!,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);
        await using (var drop = database.CreateCommand("DROP TABLE IF EXISTS bench_message_rows"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        var match = Tps().Match(output);
        if (process.ExitCode != 0 || !match.Success)
        {
            Console.WriteLine($"pgbench failed ({process.ExitCode}): {errors}{output}");
            return null;
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
