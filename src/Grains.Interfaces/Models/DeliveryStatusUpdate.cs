namespace Conversations.Grains.Interfaces.Models;

/// <summary>A provider's report on an outbound message (a Meta <c>statuses</c> entry, a Twilio status callback).</summary>
[GenerateSerializer, Immutable, Alias("conv.DeliveryStatusUpdate")]
public sealed record DeliveryStatusUpdate(
    [property: Id(0)] Guid BusinessId,
    [property: Id(1)] string CustomerWaId,
    [property: Id(2)] string ProviderMessageId,
    [property: Id(3)] DeliveryState State,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? ErrorCode = null,
    [property: Id(6)] string? ErrorTitle = null);
