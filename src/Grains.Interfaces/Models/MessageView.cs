namespace Conversations.Grains.Interfaces.Models;

/// <summary>A stored message as agents see it, in the API and on the live hub.</summary>
/// <param name="Sequence">Its position in the conversation, from 1; a client's catch-up cursor.</param>
/// <param name="Delivery">For outbound messages, how far it got; <c>null</c> for inbound ones.</param>
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
    [property: Id(9)] DateTimeOffset StoredAt,
    [property: Id(10)] MessageContent? Content = null,
    [property: Id(11)] DeliveryState? Delivery = null,
    [property: Id(12)] string? DeliveryErrorCode = null,
    [property: Id(13)] string? DeliveryErrorTitle = null,
    [property: Id(14)] Guid? EmployeeId = null,
    [property: Id(15)] string? ReplyToProviderMessageId = null,
    [property: Id(16)] IReadOnlyList<MessageReaction>? Reactions = null);
