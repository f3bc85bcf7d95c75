namespace Conversations.Grains.Interfaces.Models;

/// <summary>A notification for one employee; relayed to that employee's connections only.</summary>
[GenerateSerializer, Immutable, Alias("conv.NotificationCreated")]
public sealed record NotificationCreated(Guid BusinessId, [property: Id(0)] NotificationView Notification)
    : BusinessEvent(BusinessId, Notification.ConversationId ?? Guid.Empty);
