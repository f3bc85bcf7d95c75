namespace Conversations.WebFrontend.Integrations;

/// <summary>
/// The body of <c>POST</c> (url and eventTypes required) and <c>PATCH /api/webhooks/endpoints/{id}</c>
/// (<c>enabled: true</c> re-enables a disabled endpoint; <c>rotateSecret: true</c> returns a new secret once).
/// </summary>
public sealed record WebhookEndpointRequest(
    string? Url,
    string? Description,
    IReadOnlyList<string>? EventTypes,
    bool? Enabled,
    bool? RotateSecret);
