using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>A message's row in the messages table.</summary>
/// <param name="OutboxChannelKey">For an outbound message, the number whose outbox it is queued in.</param>
public sealed record StoredMessage(
    Guid Id,
    Guid BusinessId,
    Guid ConversationId,
    long Sequence,
    MessageDirection Direction,
    MessageSender Sender,
    MessageContent Content,
    string? ProviderMessageId,
    DateTimeOffset SentAt,
    DateTimeOffset StoredAt,
    string? ReplyToProviderMessageId = null,
    Guid? EmployeeId = null,
    DeliveryState? Delivery = null,
    string? OutboxChannelKey = null)
{
    public MessageView ToView() =>
        new(Id, ConversationId, Sequence, Direction, Sender, Content.Kind, Content.Text, ProviderMessageId, SentAt, StoredAt,
            Content, Delivery, EmployeeId: EmployeeId, ReplyToProviderMessageId: ReplyToProviderMessageId);
}
