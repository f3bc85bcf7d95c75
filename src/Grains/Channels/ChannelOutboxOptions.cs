using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Channels;

/// <summary>How queued messages leave. Bound from <c>Conversations:Outbox</c>.</summary>
public sealed class ChannelOutboxOptions
{
    public const string Section = "Conversations:Outbox";

    /// <summary>Per number. Meta's default throughput for a Cloud API number is 80 messages a second.</summary>
    [Range(0.1, 10_000)]
    public double MessagesPerSecond { get; set; } = 80;

    /// <summary>Transient failures are retried this many times before the message is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The first retry waits about this long; each next one twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claimed message is reserved for its sender; after a crash it becomes due again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many messages one drain claims at a time.</summary>
    [Range(1, 10_000)]
    public int ClaimBatchSize { get; set; } = 200;
}
