namespace Conversations.Grains.Integrations;

/// <summary>An endpoint just disabled for failing too long, and the business's owners to tell.</summary>
public sealed record DisabledWebhookEndpoint(Guid EndpointId, string Url, IReadOnlyList<Guid> OwnerIds);
