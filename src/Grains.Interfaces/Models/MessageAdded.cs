namespace Conversations.Grains.Interfaces.Models;

/// <summary>A message was stored in a conversation.</summary>
[GenerateSerializer, Immutable, Alias("conv.MessageAdded")]
public sealed record MessageAdded(Guid BusinessId, [property: Id(0)] MessageView Message)
    : BusinessEvent(BusinessId, Message.ConversationId);
