namespace Conversations.Grains.Integrations;

/// <summary>A claimed delivery: the exact body to send, where to, and the endpoint's protected signing secret.</summary>
public sealed record WebhookDelivery(
    Guid Id,
    Guid BusinessId,
    Guid EndpointId,
    string EventId,
    string EventType,
    string Payload,
    int Attempts,
    string Url,
    string ProtectedSecret);
