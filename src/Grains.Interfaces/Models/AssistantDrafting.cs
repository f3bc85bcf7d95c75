namespace Conversations.Grains.Interfaces.Models;

/// <summary>The assistant started (or stopped) writing a reply in a conversation: agents see "AI is drafting".</summary>
[GenerateSerializer, Immutable, Alias("conv.AssistantDrafting")]
public sealed record AssistantDrafting(Guid BusinessId, Guid ConversationId, [property: Id(0)] bool Drafting)
    : BusinessEvent(BusinessId, ConversationId);
