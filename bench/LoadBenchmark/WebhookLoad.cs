using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Conversations.WebFrontend.WhatsApp;

namespace Conversations.LoadBenchmark;

/// <summary>What one load phase achieved.</summary>
public sealed record LoadResult(string Name, TimeSpan Elapsed, long Sent, long Acknowledged, long Failed, Latency Response)
{
    public IReadOnlyDictionary<string, int> Failures { get; init; } = new Dictionary<string, int>();

    public double AcknowledgedPerSecond => Acknowledged / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Name}: {Acknowledged} acknowledged (200) of {Sent} sent in {Elapsed.TotalSeconds:0.0} s = {AcknowledgedPerSecond:0} msg/s, "
        + $"{Failed} failed{(Failures.Count > 0 ? " (" + string.Join(", ", Failures.Select(f => $"{f.Key}: {f.Value}")) + ")" : "")}; "
        + $"response {Response.Summary()}; load average {Machine.LoadAverage()}";
}

/// <summary>
/// Signed Meta webhooks, one text message each, round-robin over every tenant's customers. Open loop: send
/// times come from the wall clock and latency is measured from the intended send time, so a slow response
/// cannot hold back the next request and hide its own delay (coordinated omission).
/// </summary>
public sealed class WebhookLoad(HttpClient http, IReadOnlyList<Tenant> tenants, string runId)
{
    private const string Body = "Hola, quería reservar una lectura de tarot para el jueves por la tarde, ¿hay hueco?";

    private long nextMessage;

    private ConcurrentDictionary<string, int> failures = new();

    /// <summary>Provider message id → intended send timestamp, for the agents' end-to-end timing.</summary>
    public ConcurrentDictionary<string, long> IntendedSendTimes { get; } = new();

    /// <summary>Provider ids answered 200: the messages the product promised to have stored.</summary>
    public ConcurrentBag<string> Acknowledged { get; } = [];

    public bool TrackForAgents { get; set; }

    /// <summary>Deliveries not answered 200, as Meta would retry them: same message id, same customer.</summary>
    public ConcurrentBag<(TimeSpan At, Tenant Tenant, string Customer, string Id)> Failed { get; } = [];

    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>The clock <see cref="Failed"/> is stamped with.</summary>
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Sends every failed delivery again, in turn, until each is answered 200 (or 30 s pass).</summary>
    public async Task<(int Sent, int Acknowledged)> RedeliverFailedAsync()
    {
        var pending = Failed.ToList();
        Failed.Clear();
        var acknowledged = 0;
        var deadline = Stopwatch.StartNew();
        foreach (var (_, tenant, customer, id) in pending)
        {
            while (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                if (await SendAsync(tenant, customer, id) == HttpStatusCode.OK)
                {
                    Acknowledged.Add(id);
                    acknowledged++;
                    break;
                }

                await Task.Delay(200);
            }
        }

        return (pending.Count, acknowledged);
    }

    private async Task<HttpStatusCode?> SendAsync(Tenant tenant, string customer, string id)
    {
        var body = Encoding.UTF8.GetBytes(Delivery(tenant.PhoneNumberId, customer, id));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(MetaSignature.HeaderName, MetaSignature.Sign(body, tenant.AppSecret));
        try
        {
            using var answer = await http.SendAsync(request);
            return answer.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Sends <paramref name="rate"/> messages per second for <paramref name="duration"/>.</summary>
    public async Task<LoadResult> OpenLoopAsync(string name, int rate, TimeSpan duration, Func<long, (Tenant, string)>? pick = null)
    {
        var response = new Latency();
        failures = new();
        long sent = 0, acknowledged = 0, failed = 0;
        var inFlight = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        var total = (long)(rate * duration.TotalSeconds);
        for (long i = 0; i < total;)
        {
            var now = Stopwatch.GetTimestamp();
            while (i < total && started + (long)(i * (double)Stopwatch.Frequency / rate) <= now)
            {
                var intended = started + (long)(i * (double)Stopwatch.Frequency / rate);
                inFlight.Add(SendOneAsync(pick, intended, response, ok => Interlocked.Increment(ref ok ? ref acknowledged : ref failed)));
                sent++;
                i++;
            }

            if (inFlight.Count > 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        return new LoadResult(name, Stopwatch.GetElapsedTime(started), sent, acknowledged, failed, response) { Failures = failures };
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> senders, each sending its next message as soon as the last is answered.</summary>
    public async Task<LoadResult> SaturateAsync(
        string name, int concurrency, TimeSpan duration, Func<long, (Tenant, string)>? pick = null, long limit = long.MaxValue)
    {
        var response = new Latency();
        failures = new();
        long sent = 0, acknowledged = 0, failed = 0;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var senders = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end && Interlocked.Increment(ref sent) <= limit)
            {
                await SendOneAsync(pick, Stopwatch.GetTimestamp(), response, ok => Interlocked.Increment(ref ok ? ref acknowledged : ref failed));
            }
        });
        await Task.WhenAll(senders);
        return new LoadResult(name, Stopwatch.GetElapsedTime(started), acknowledged + failed, acknowledged, failed, response) { Failures = failures };
    }

    /// <summary>Customers in turn: business = n mod T, customer = (n / T) mod C.</summary>
    public (Tenant Tenant, string Customer) RoundRobin(long n)
    {
        var tenant = tenants[(int)(n % tenants.Count)];
        return (tenant, tenant.Customers[(int)(n / tenants.Count % tenant.Customers.Length)]);
    }

    private async Task SendOneAsync(Func<long, (Tenant, string)>? pick, long intended, Latency response, Action<bool> done)
    {
        var n = Interlocked.Increment(ref nextMessage);
        var (tenant, customer) = (pick ?? RoundRobin)(n);
        var id = $"wamid.bench.{runId}.{n}";
        if (TrackForAgents)
        {
            IntendedSendTimes[id] = intended;
        }

        var body = Encoding.UTF8.GetBytes(Delivery(tenant.PhoneNumberId, customer, id));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(MetaSignature.HeaderName, MetaSignature.Sign(body, tenant.AppSecret));
        try
        {
            using var answer = await http.SendAsync(request);
            response.RecordSince(intended, Stopwatch.GetTimestamp());
            var ok = answer.StatusCode == HttpStatusCode.OK;
            if (ok)
            {
                Acknowledged.Add(id);
            }
            else
            {
                Failed.Add((clock.Elapsed, tenant, customer, id));
                failures.AddOrUpdate(((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
            }

            done(ok);
        }
        catch (HttpRequestException exception)
        {
            Failed.Add((clock.Elapsed, tenant, customer, id));
            failures.AddOrUpdate(exception.HttpRequestError.ToString(), 1, (_, c) => c + 1);
            response.RecordSince(intended, Stopwatch.GetTimestamp());
            done(false);
        }
    }

    private static string Delivery(string phoneNumberId, string customer, string messageId)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"Cliente {{{customer[^4..]}}}"},"wa_id":"{{{customer}}}"}],"messages":[{"from":"{{{customer}}}","id":"{{{messageId}}}","timestamp":"{{{timestamp}}}","type":"text","text":{"body":"{{{Body}}}"}}]}}]}]}
            """;
    }

    /// <summary>A client that spreads requests over several frontends.</summary>
    public static HttpClient CreateClient(IReadOnlyList<Uri> frontends) =>
        frontends.Count == 1 ? CreateClient(frontends[0]) : new(new FrontendRoundRobin(frontends)) { BaseAddress = frontends[0], Timeout = TimeSpan.FromSeconds(60) };

    public static HttpClient CreateClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };
}
