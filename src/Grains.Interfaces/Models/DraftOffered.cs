namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// A reply the assistant finished after an employee took the conversation over: never sent to the customer,
/// offered to the agent holding the conversation to use or discard.
/// </summary>
[GenerateSerializer, Immutable, Alias("conv.DraftOffered")]
public sealed record DraftOffered(
    Guid BusinessId,
    Guid ConversationId,
    [property: Id(0)] Guid TurnId,
    [property: Id(1)] Guid? EmployeeId,
    [property: Id(2)] string Text)
    : BusinessEvent(BusinessId, ConversationId);
