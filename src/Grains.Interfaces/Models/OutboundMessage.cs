namespace Conversations.Grains.Interfaces.Models;

/// <summary>Something the business sends the customer: an employee's reply, the assistant's, or the system's.</summary>
/// <param name="ClientMessageId">The sender's own id for this send, so a retried request is sent once.</param>
[GenerateSerializer, Immutable, Alias("conv.OutboundMessage")]
public sealed record OutboundMessage(
    [property: Id(0)] Guid ClientMessageId,
    [property: Id(1)] MessageSender Sender,
    [property: Id(2)] Guid? EmployeeId,
    [property: Id(3)] MessageContent Content);
