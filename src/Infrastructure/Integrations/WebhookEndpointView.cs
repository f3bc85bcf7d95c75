namespace Conversations.Infrastructure.Integrations;

/// <summary>An endpoint as the API shows it. <see cref="Secret"/> is there only when it was just made (creation, rotation).</summary>
public sealed record WebhookEndpointView(
    Guid Id,
    string Url,
    string Description,
    IReadOnlyList<string> EventTypes,
    bool Enabled,
    DateTimeOffset? DisabledAt,
    string? DisabledReason,
    DateTimeOffset? FailingSince,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Secret = null);
