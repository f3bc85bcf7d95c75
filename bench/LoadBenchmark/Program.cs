using System.Globalization;
using System.Runtime.InteropServices;
using Conversations.LoadBenchmark;
using Npgsql;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args is ["trivial-endpoint", var port])
{
    await TrivialEndpoint.RunAsync(int.Parse(port, CultureInfo.InvariantCulture));
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine("""
        Usage: LoadBenchmark --connection CS (--product Conversations.WebFrontend.dll | --url http://127.0.0.1:5080)
               [--pg-bin DIR] [--businesses 4] [--customers 250] [--agents 2] [--rate 0=auto] [--duration 15]
               [--warmup 5] [--concurrency 32] [--grains 20000] [--pg-data DIR (restart PostgreSQL under load)]
               [--url http://a,http://b (several frontends: load and agents spread over them)]
               [--assistant true (the offline assistant answers every message; measures webhook -> AI reply at the channel)]
        """);
    return 2;
}

var runId = Guid.NewGuid().ToString("N")[..8];
await using var database = NpgsqlDataSource.Create(options.ConnectionString);
Console.WriteLine($"run {runId} at {DateTimeOffset.UtcNow:u}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB():0.0} GiB RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {Machine.LoadAverage()} at start");
await using (var version = database.CreateCommand("SELECT current_setting('server_version') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')"))
{
    Console.WriteLine($"postgresql: {await version.ExecuteScalarAsync()}");
}

Console.WriteLine($"load: {options.Businesses} businesses x {options.CustomersPerBusiness} customers, {options.AgentsPerBusiness} agents per business, "
    + $"saturation concurrency {options.Concurrency}, phases of {options.Duration.TotalSeconds:0} s");

await PostgresCounters.EnableStatementsAsync(database);
var clusterId = $"bench-{runId}";
await using var product = options.Url is null
    ? await ChildProcess.StartProductAsync(options.ProductDll!, options.ConnectionString, clusterId, options.Assistant)
    : null;
var productUrl = options.Url ?? product!.Url;
Console.WriteLine(product is null ? $"product: {string.Join(", ", options.Urls)} (given)" : $"product: {productUrl} (co-hosted silo + frontend, pid {product.Id})");

var tenants = await Tenants.ProvisionAsync(options, runId, productUrl);
var frontends = options.Urls.Count > 0 ? options.Urls : [productUrl];
using var http = WebhookLoad.CreateClient(frontends);
var load = new WebhookLoad(http, tenants, runId) { TrackForAgents = true };
await using var agents = await AgentFleet.ConnectAsync(frontends, tenants, options.AgentsPerBusiness, load.IntendedSendTimes);
Console.WriteLine($"provisioned {tenants.Count} businesses, {tenants.Count * options.AgentsPerBusiness} agents connected over SignalR");

// Warm-up: every customer's grain activated, JIT and connection pools warm.
var warmupRate = Math.Max(100, tenants.Count * options.CustomersPerBusiness / Math.Max(1, (int)options.Warmup.TotalSeconds));
Console.WriteLine(await load.OpenLoopAsync("warm-up (open loop)", warmupRate, options.Warmup));

// 1. Saturation: what the product acknowledges with `concurrency` requests always in flight.
var before = await PostgresCounters.ReadAsync(database);
var saturation = await load.SaturateAsync("product saturation (closed loop)", options.Concurrency, options.Duration);
var cost = (await PostgresCounters.ReadAsync(database)).Minus(before);
Console.WriteLine(saturation);
Console.WriteLine($"postgresql during saturation: {cost.RowsInserted / saturation.Elapsed.TotalSeconds:0} rows inserted/s, "
    + $"{cost.RowsUpdated / saturation.Elapsed.TotalSeconds:0} rows updated/s; per acknowledged message: "
    + $"{(double)cost.RowsInserted / saturation.Acknowledged:0.00} rows inserted, {(double)cost.RowsUpdated / saturation.Acknowledged:0.00} updated, "
    + $"{(double)cost.Commits / saturation.Acknowledged:0.000} transactions (round trips at least)"
    + (cost.Statements is { } s ? $", {(double)s / saturation.Acknowledged:0.000} statements" : ", statements n/a (pg_stat_statements not preloaded)"));

// 2. Open loop at a fixed rate: latency webhook -> 200 and webhook -> MessageAdded at every agent.
var rate = options.Rate > 0 ? options.Rate : Math.Max(50, (int)(saturation.AcknowledgedPerSecond * 0.6));
await Task.Delay(TimeSpan.FromSeconds(2));
agents.Reset();
load.IntendedSendTimes.Clear();
var openLoop = await load.OpenLoopAsync($"product open loop at {rate} msg/s", rate, options.Duration);
var expected = openLoop.Acknowledged * options.AgentsPerBusiness;
for (var waited = 0; waited < 100 && agents.Delivered < expected; waited++)
{
    await Task.Delay(100);
}

Console.WriteLine(openLoop);
Console.WriteLine($"end to end webhook -> MessageAdded at an agent: {agents.EndToEnd.Summary()}; {agents.Delivered} of {expected} agent deliveries");
if (options.Assistant)
{
    for (var waited = 0; waited < 100 && agents.PendingReplies > 0; waited++)
    {
        await Task.Delay(100);
    }

    Console.WriteLine($"end to end webhook -> AI reply at the channel (sent): {agents.AssistantReply.Summary()}; "
        + $"{agents.AnsweredMessages} customer messages answered, {agents.PendingReplies} still waiting");
}

// 3. Durability: every acknowledged message is in `messages`, once.
var acknowledged = load.Acknowledged.ToArray();
await using (var stored = database.CreateCommand("SELECT count(*), count(DISTINCT provider_message_id) FROM messages WHERE provider_message_id = ANY(@ids)"))
{
    stored.Parameters.AddWithValue("ids", acknowledged);
    await using var reader = await stored.ExecuteReaderAsync();
    await reader.ReadAsync();
    Console.WriteLine($"durability: {acknowledged.Length} acknowledged, {reader.GetInt64(0)} rows stored, {reader.GetInt64(1)} distinct ids"
        + (reader.GetInt64(0) == acknowledged.Length ? " (all stored once)" : " (MISMATCH)"));
}

// 4. The HTTP ceiling: the same generator against Kestrel answering 200.
double trivialRate;
await using (var trivial = await ChildProcess.StartTrivialEndpointAsync())
{
    using var trivialHttp = WebhookLoad.CreateClient(trivial.Url);
    var trivialLoad = new WebhookLoad(trivialHttp, tenants, runId + "t");
    await trivialLoad.SaturateAsync("trivial warm-up", options.Concurrency, TimeSpan.FromSeconds(2));
    var result = await trivialLoad.SaturateAsync("trivial endpoint saturation (closed loop)", options.Concurrency, options.Duration);
    Console.WriteLine(result);
    trivialRate = result.AcknowledgedPerSecond;
}

// 5. The durable-write ceiling: pgbench inserting message-sized rows, one per transaction.
double? pgbenchRate = null;
if (options.PostgresBin is { } bin)
{
    pgbenchRate = await PgBench.RowsPerSecondAsync(bin, options.ConnectionString, database, options.Concurrency, options.Duration);
    Console.WriteLine($"pgbench: {pgbenchRate:0} rows/s ({options.Concurrency} clients, one message-sized row per transaction)");
}

Console.WriteLine($"sustained: {saturation.AcknowledgedPerSecond:0} inbound messages/s stored durably and acknowledged");
if (pgbenchRate is > 0)
{
    Console.WriteLine($"fraction of pgbench: {saturation.AcknowledgedPerSecond / pgbenchRate.Value:0.00}");
}

Console.WriteLine($"fraction of trivial endpoint: {saturation.AcknowledgedPerSecond / trivialRate:0.00}");

// 6. Memory per active conversation grain, and what is left after deactivation.
if (options.Grains > 0 && product is not null)
{
    await using var cluster = await GrainMemory.ConnectAsync(options.ConnectionString, clusterId);
    await cluster.DeactivateIdleAsync();
    var idle = await cluster.MeasureAsync(product);
    Console.WriteLine($"memory before: {idle}");
    var runNumber = int.Parse(runId[..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 1_000_000;
    var fresh = await load.SaturateAsync(
        $"{options.Grains} new conversations", options.Concurrency, TimeSpan.FromMinutes(10),
        n => (tenants[(int)(n % tenants.Count)], $"4{runNumber:D6}{n:D8}"), limit: options.Grains);
    Console.WriteLine(fresh);
    var active = await cluster.MeasureAsync(product);
    Console.WriteLine($"memory with them active: {active}");
    await cluster.DeactivateIdleAsync();
    var after = await cluster.MeasureAsync(product);
    Console.WriteLine($"memory after forced deactivation: {after}");
    var grains = Math.Max(1, active.Activations - idle.Activations);
    Console.WriteLine($"per active conversation grain: {(active.ResidentBytes - idle.ResidentBytes) / (double)grains / 1024:0.0} KiB RSS, "
        + $"{(active.ManagedBytes - idle.ManagedBytes) / (double)grains / 1024:0.0} KiB managed ({grains} grains)");
    Console.WriteLine($"left per conversation after deactivation: {(after.ResidentBytes - idle.ResidentBytes) / (double)grains / 1024:0.0} KiB RSS, "
        + $"{(after.ManagedBytes - idle.ManagedBytes) / (double)grains / 1024:0.0} KiB managed");
}

// 7. PostgreSQL restarted under load.
if (options.PostgresData is { } data && options.PostgresBin is { } pgBin)
{
    await PostgresRestart.RunAsync(pgBin, data, productUrl, load, database, Math.Max(50, rate / 2), TimeSpan.FromSeconds(Math.Max(12, options.Duration.TotalSeconds)));
}

if (product is not null && product.RecentOutput.Length > 0)
{
    Console.WriteLine("product's last log lines (warnings and errors):");
    Console.WriteLine(string.Join(Environment.NewLine, product.RecentOutput.Split(Environment.NewLine).TakeLast(40)));
}

return 0;
