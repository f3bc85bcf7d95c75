using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Channels;

/// <summary>A queued message claimed for sending.</summary>
/// <param name="Attempts">Sends tried so far.</param>
public sealed record OutboxItem(
    Guid MessageId,
    Guid BusinessId,
    Guid ConversationId,
    string CustomerWaId,
    MessageContent Content,
    int Attempts);
