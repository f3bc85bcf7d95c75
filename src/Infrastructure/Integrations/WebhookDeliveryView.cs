namespace Conversations.Infrastructure.Integrations;

/// <summary>One delivery in an endpoint's log: <c>delivered</c>, <c>pending</c> (not tried yet) or <c>retrying</c>.</summary>
public sealed record WebhookDeliveryView(
    Guid Id,
    string EventId,
    string EventType,
    string Status,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastError);
