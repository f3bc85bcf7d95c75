namespace Conversations.Infrastructure.Integrations;

/// <summary>A validated change of an endpoint; null members stay as they are.</summary>
public sealed record WebhookEndpointChanges(
    string? Url,
    string? Description,
    IReadOnlyList<string>? EventTypes,
    bool? Enabled,
    bool RotateSecret);
