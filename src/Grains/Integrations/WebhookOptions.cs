using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Integrations;

/// <summary>How outbound webhooks are collected and delivered. Bound from <c>Conversations:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Conversations:Webhooks";

    /// <summary>How often a business's dispatcher looks for new events and due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Rows younger than this (by the database's clock) are left for the next pass: a transaction that started
    /// earlier may still commit a row with an earlier time, and the cursors only move forward.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Source rows read per source and pass, and deliveries claimed per pass.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>The first retry waits about this long; each next one twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An endpoint failing every attempt for this long is disabled and the business's owners are told.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long one POST may take; a slower receiver counts as a failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed delivery is reserved for its attempt; after a crash it becomes due again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most this many POSTs of one business at a time.</summary>
    [Range(1, 100)]
    public int MaxParallelism { get; set; } = 8;
}
