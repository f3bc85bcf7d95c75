using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Automation;

/// <summary>One rule that fired (<see cref="RuleId"/>, <see cref="Trigger"/>) or macro that ran (<see cref="MacroId"/>, <see cref="EmployeeId"/>).</summary>
public sealed record AutomationExecution(
    Guid Id,
    Guid BusinessId,
    Guid ConversationId,
    Guid? RuleId,
    Guid? MacroId,
    string Name,
    string? Trigger,
    Guid? EmployeeId,
    string? IdempotencyKey,
    IReadOnlyList<ActionOutcome> Actions,
    bool Webhook,
    DateTimeOffset At);
