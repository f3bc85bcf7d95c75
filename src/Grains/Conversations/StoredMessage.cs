using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>A message's row in the messages table.</summary>
public sealed record StoredMessage(
    Guid Id,
    Guid BusinessId,
    Guid ConversationId,
    long Sequence,
    MessageDirection Direction,
    MessageSender Sender,
    string Kind,
    string? Body,
    string? ProviderMessageId,
    DateTimeOffset SentAt,
    DateTimeOffset StoredAt)
{
    public MessageView ToView() =>
        new(Id, ConversationId, Sequence, Direction, Sender, Kind, Body, ProviderMessageId, SentAt, StoredAt);
}
