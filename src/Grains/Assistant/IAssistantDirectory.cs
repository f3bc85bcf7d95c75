using Conversations.Grains.Bookings;

namespace Conversations.Grains.Assistant;

/// <summary>What the assistant reads about a business and a conversation. Every read is scoped to the business.</summary>
public interface IAssistantDirectory
{
    /// <summary>
    /// Everything a turn reads before it answers — the profile, the services and the newest
    /// <paramref name="transcriptLimit"/> messages — in one round trip.
    /// </summary>
    Task<TurnContext> LoadTurnAsync(Guid businessId, Guid conversationId, int transcriptLimit, CancellationToken cancellationToken);

    /// <summary>The business's name, time zone and assistant settings; null for an unknown business.</summary>
    Task<AssistantProfile?> GetProfileAsync(Guid businessId, CancellationToken cancellationToken);

    /// <summary>The business's active services, by name.</summary>
    Task<IReadOnlyList<ServiceOffer>> ListServicesAsync(Guid businessId, CancellationToken cancellationToken);

    /// <summary>The customer record of the conversation (created with its first message).</summary>
    Task<Guid?> FindCustomerAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken);

    /// <summary>The customer's bookings that start at or after <paramref name="from"/> and are not cancelled, soonest first.</summary>
    Task<IReadOnlyList<BookingView>> ListUpcomingBookingsAsync(Guid businessId, Guid customerId, DateTimeOffset from, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> messages of the conversation, oldest first.</summary>
    Task<IReadOnlyList<TranscriptLine>> ReadTranscriptAsync(Guid conversationId, int limit, CancellationToken cancellationToken);
}
