namespace Conversations.Grains.Interfaces.Models;

/// <summary>A conversation's current state as its grain holds it.</summary>
/// <param name="Flow">Where the assistant is in serving the customer.</param>
/// <param name="AssistantDrafting">Whether the assistant is writing a reply right now.</param>
/// <param name="WindowClosesAt">When the 24-hour customer-service window closes; after it only templates may be sent.</param>
[GenerateSerializer, Immutable, Alias("conv.ConversationSnapshot")]
public sealed record ConversationSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid BusinessId,
    [property: Id(2)] string CustomerWaId,
    [property: Id(3)] string? CustomerName,
    [property: Id(4)] ConversationMode Mode,
    [property: Id(5)] long LastSequence,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string? ChannelKey = null,
    [property: Id(8)] DateTimeOffset? WindowClosesAt = null,
    [property: Id(9)] ConversationStatus Status = ConversationStatus.Open,
    [property: Id(10)] Guid? AssigneeId = null,
    [property: Id(11)] IReadOnlyList<string>? Labels = null,
    [property: Id(12)] DateTimeOffset? SnoozedUntil = null,
    [property: Id(13)] FlowState Flow = FlowState.Greeting,
    [property: Id(14)] bool AssistantDrafting = false);
