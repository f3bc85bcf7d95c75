namespace Conversations.Grains.Channels;

/// <summary>The outbox table, as the channel outbox grains drain it.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> messages of the number that are due and not leased, oldest first,
    /// leasing them until <paramref name="leaseUntil"/>.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(
        string channelKey, int limit, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Releases a message for another attempt at <paramref name="nextAttemptAt"/>.</summary>
    Task RescheduleAsync(Guid messageId, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default);

    /// <summary>When the number's next message becomes due (lease expiry included), or <c>null</c> when none is queued.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(string channelKey, CancellationToken cancellationToken = default);

    /// <summary>The numbers with queued messages, so a starting silo can resume their sending.</summary>
    Task<IReadOnlyList<string>> ChannelsWithQueuedMessagesAsync(CancellationToken cancellationToken = default);
}
