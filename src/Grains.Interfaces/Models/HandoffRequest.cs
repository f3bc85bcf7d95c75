namespace Conversations.Grains.Interfaces.Models;

/// <summary>A conversation went to a human other than by the assistant's own turn (an agent took it over): summarise it for them.</summary>
[GenerateSerializer, Immutable, Alias("conv.HandoffRequest")]
public sealed record HandoffRequest(
    [property: Id(0)] Guid BusinessId,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] string Reason,
    [property: Id(3)] AssistantMemory Memory,
    [property: Id(4)] string? CustomerName);
