using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Channels;

/// <summary>
/// Work claimed from a number's outbox: an outbound message to send, or an inbound message whose media is
/// still to be fetched.
/// </summary>
/// <param name="Attempts">Tries so far.</param>
public sealed record OutboxItem(
    Guid MessageId,
    Guid BusinessId,
    Guid ConversationId,
    string CustomerWaId,
    MessageContent Content,
    int Attempts,
    MessageDirection Direction = MessageDirection.Outbound);
