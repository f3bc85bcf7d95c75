namespace Conversations.Grains.Interfaces.Models;

/// <summary>The summary of a conversation that went to a human is ready.</summary>
[GenerateSerializer, Immutable, Alias("conv.HandoffSummarized")]
public sealed record HandoffSummarized(Guid BusinessId, Guid ConversationId, [property: Id(0)] HandoffSummary Summary)
    : BusinessEvent(BusinessId, ConversationId);
