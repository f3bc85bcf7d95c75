namespace Conversations.Infrastructure.Conversations;

/// <summary>One change of hands in a conversation's history.</summary>
public sealed record AssignmentRecord(
    long Id, string Action, Guid? ActorId, Guid? FromEmployeeId, Guid? ToEmployeeId, string Mode, DateTimeOffset At);
