namespace Conversations.Infrastructure.Integrations;

/// <summary>A page of an endpoint's deliveries, newest first; <see cref="NextOffset"/> is null on the last page.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryView> Items, int? NextOffset);
