namespace Conversations.Grains.Interfaces.Models;

/// <summary>A stored message as agents see it, in the API and on the live hub.</summary>
/// <param name="Sequence">Its position in the conversation, from 1; a client's catch-up cursor.</param>
[GenerateSerializer, Immutable, Alias("conv.MessageView")]
public sealed record MessageView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] MessageDirection Direction,
    [property: Id(4)] MessageSender Sender,
    [property: Id(5)] string Kind,
    [property: Id(6)] string? Body,
    [property: Id(7)] string? ProviderMessageId,
    [property: Id(8)] DateTimeOffset SentAt,
    [property: Id(9)] DateTimeOffset StoredAt);
