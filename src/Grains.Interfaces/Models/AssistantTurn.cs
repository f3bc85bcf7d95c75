namespace Conversations.Grains.Interfaces.Models;

/// <summary>The conversation grain's request for the assistant to answer the customer's newest messages.</summary>
/// <param name="UpToSequence">The transcript's last message when the turn started; the assistant answers the
/// customer's messages after <see cref="AssistantMemory.HandledSequence"/> up to this one.</param>
[GenerateSerializer, Immutable, Alias("conv.AssistantTurn")]
public sealed record AssistantTurn(
    [property: Id(0)] Guid TurnId,
    [property: Id(1)] Guid BusinessId,
    [property: Id(2)] Guid ConversationId,
    [property: Id(3)] string CustomerWaId,
    [property: Id(4)] string? CustomerName,
    [property: Id(5)] string? ChannelKey,
    [property: Id(6)] long UpToSequence,
    [property: Id(7)] AssistantMemory Memory,
    [property: Id(8)] DateTimeOffset StartedAt);
