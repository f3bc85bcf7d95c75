namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// What the assistant remembers of one conversation between turns: where it is in the flow and the booking
/// it is putting together. Lives in the conversation grain's state, so it is small.
/// </summary>
/// <param name="OfferedServices">The services last shown to the customer, in the order shown (for "the second one").</param>
/// <param name="OfferedSlots">The start times last offered, in the order shown.</param>
/// <param name="Start">The slot the customer chose, awaiting confirmation.</param>
/// <param name="BookingId">The booking made in this conversation, once made.</param>
/// <param name="HandledSequence">The last customer message the assistant has answered.</param>
/// <param name="CancellingBookingId">The booking the customer was asked to confirm cancelling.</param>
/// <param name="Misunderstandings">Customer messages in a row the assistant could not understand.</param>
[GenerateSerializer, Immutable, Alias("conv.AssistantMemory")]
public sealed record AssistantMemory(
    [property: Id(0)] FlowState State,
    [property: Id(1)] Guid? ServiceId = null,
    [property: Id(2)] string? ServiceName = null,
    [property: Id(3)] DateOnly? Date = null,
    [property: Id(4)] IReadOnlyList<Guid>? OfferedServices = null,
    [property: Id(5)] IReadOnlyList<DateTimeOffset>? OfferedSlots = null,
    [property: Id(6)] DateTimeOffset? Start = null,
    [property: Id(7)] Guid? BookingId = null,
    [property: Id(8)] long HandledSequence = 0,
    [property: Id(9)] int Misunderstandings = 0,
    [property: Id(10)] Guid? CancellingBookingId = null)
{
    public static AssistantMemory Initial { get; } = new(FlowState.Greeting);
}
