namespace Conversations.Grains.Interfaces.Models;

/// <summary>A conversation's current state as its grain holds it.</summary>
[GenerateSerializer, Immutable, Alias("conv.ConversationSnapshot")]
public sealed record ConversationSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid BusinessId,
    [property: Id(2)] string CustomerWaId,
    [property: Id(3)] string? CustomerName,
    [property: Id(4)] ConversationMode Mode,
    [property: Id(5)] long LastSequence,
    [property: Id(6)] DateTimeOffset CreatedAt);
