namespace Conversations.Grains.Conversations;

/// <param name="Action"><c>takeover</c>, <c>release</c>, <c>assign</c>, <c>transfer</c> or <c>unassign</c>.</param>
public sealed record Handover(string Action, Guid? ActorId, Guid? From, Guid? To, DateTimeOffset At);
