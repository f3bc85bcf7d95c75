namespace Conversations.Infrastructure.Hosting;

/// <summary>Traces, metrics and logs. Section <c>Conversations:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Conversations:Telemetry";

    /// <summary>An OTLP collector (e.g. http://otel-collector:4317) for traces and metrics; none: not exported over OTLP.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Write logs as JSON lines (with trace and span ids) instead of the console's text format.</summary>
    public bool JsonLogs { get; set; }

    /// <summary>
    /// Whether <c>/metrics</c> (Prometheus) answers requests from other hosts; off, it answers the local host only.
    /// Turn it on where the scraper reaches the frontend over a private network.
    /// </summary>
    public bool MetricsFromOtherHosts { get; set; }

    /// <summary>How often the outbox's depth is counted for its gauge.</summary>
    public TimeSpan OutboxSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
