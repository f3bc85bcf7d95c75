namespace Conversations.Grains.Interfaces.Models;

/// <summary>A conversation's handling changed: mode, assignee, status or labels.</summary>
[GenerateSerializer, Immutable, Alias("conv.ConversationChanged")]
public sealed record ConversationChanged(Guid BusinessId, [property: Id(0)] ConversationSnapshot Conversation)
    : BusinessEvent(BusinessId, Conversation.Id);
