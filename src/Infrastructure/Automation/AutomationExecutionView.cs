using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Automation;

/// <summary>One rule that fired or macro that ran on a conversation, and what each action did.</summary>
public sealed record AutomationExecutionView(
    Guid Id,
    Guid ConversationId,
    Guid? RuleId,
    Guid? MacroId,
    string Name,
    string? Trigger,
    Guid? EmployeeId,
    IReadOnlyList<ActionOutcome> Actions,
    DateTimeOffset At);
