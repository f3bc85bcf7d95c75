namespace Conversations.Grains.Interfaces.Models;

/// <summary>A stored message changed: its delivery state moved, or a reaction was added or removed.</summary>
[GenerateSerializer, Immutable, Alias("conv.MessageUpdated")]
public sealed record MessageUpdated(Guid BusinessId, [property: Id(0)] MessageView Message)
    : BusinessEvent(BusinessId, Message.ConversationId);
