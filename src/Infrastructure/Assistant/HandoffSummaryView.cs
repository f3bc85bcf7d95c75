namespace Conversations.Infrastructure.Assistant;

public sealed record HandoffSummaryView(Guid Id, string Reason, string Intent, string Summary, string FlowState, DateTimeOffset At);
