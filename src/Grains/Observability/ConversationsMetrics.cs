using System.Diagnostics.Metrics;

namespace Conversations.Grains.Observability;

/// <summary>
/// The product's own meters (meter <see cref="MeterName"/>), exported with ASP.NET Core's, Orleans' and Npgsql's
/// through OpenTelemetry: messages in and out per channel, the assistant's reply latency and handoffs, the
/// outbox's retries and depth, webhooks refused.
/// </summary>
public sealed class ConversationsMetrics
{
    public const string MeterName = "Conversations";

    private readonly Counter<long> received;
    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> retries;
    private readonly Histogram<double> assistantReply;
    private readonly Counter<long> handoffs;
    private readonly Counter<long> webhookRejections;
    private long outboxDepth;

    public ConversationsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        received = meter.CreateCounter<long>("conversations.messages.received", "{message}", "Customer messages stored.");
        sent = meter.CreateCounter<long>("conversations.messages.sent", "{message}", "Messages a provider accepted.");
        failed = meter.CreateCounter<long>("conversations.messages.failed", "{message}", "Messages a provider refused for good.");
        retries = meter.CreateCounter<long>("conversations.outbox.retries", "{attempt}", "Sends and media fetches rescheduled after a transient failure.");
        assistantReply = meter.CreateHistogram<double>(
            "conversations.assistant.reply.duration", "s", "From the customer's message to the assistant's reply queued for the channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] });
        handoffs = meter.CreateCounter<long>("conversations.assistant.handoffs", "{conversation}", "Conversations the assistant handed to people.");
        webhookRejections = meter.CreateCounter<long>("conversations.webhooks.rejected", "{request}", "Webhook deliveries refused (bad signature, malformed, unknown number).");
        meter.CreateObservableGauge("conversations.outbox.depth", () => Interlocked.Read(ref outboxDepth), "{item}", "Sends and media fetches waiting in the outbox.");
    }

    /// <summary>meta, twilio or local: the kind of a channel key.</summary>
    public static string ChannelOf(string? channelKey) => channelKey?.Split(':')[0] ?? "local";

    public void Received(string? channelKey) => received.Add(1, new KeyValuePair<string, object?>("channel", ChannelOf(channelKey)));

    public void Sent(string? channelKey, string sender) =>
        sent.Add(1, new KeyValuePair<string, object?>("channel", ChannelOf(channelKey)), new KeyValuePair<string, object?>("sender", sender));

    public void Failed(string? channelKey) => failed.Add(1, new KeyValuePair<string, object?>("channel", ChannelOf(channelKey)));

    public void Retried(string channelKey, string work) =>
        retries.Add(1, new KeyValuePair<string, object?>("channel", ChannelOf(channelKey)), new KeyValuePair<string, object?>("work", work));

    public void AssistantReplied(TimeSpan latency, string engine) =>
        assistantReply.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("engine", engine));

    public void HandedOff(string reason) => handoffs.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void WebhookRejected(string provider, string outcome) =>
        webhookRejections.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Set by a sampler that counts the outbox now and then (a gauge must not query the database).</summary>
    public void OutboxDepthIs(long depth) => Interlocked.Exchange(ref outboxDepth, depth);
}
