namespace Conversations.Grains.Interfaces.Models;

/// <summary>An employee is typing in a conversation; clients show it for a few seconds.</summary>
[GenerateSerializer, Immutable, Alias("conv.TypingStarted")]
public sealed record TypingStarted(Guid BusinessId, Guid ConversationId, [property: Id(0)] Guid EmployeeId)
    : BusinessEvent(BusinessId, ConversationId);
