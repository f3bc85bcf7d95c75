namespace Conversations.Infrastructure.Assistant;

public sealed record FlowTransitionView(string From, string To, string Reason, Guid? TurnId, DateTimeOffset At);
