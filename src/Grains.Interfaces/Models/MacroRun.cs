namespace Conversations.Grains.Interfaces.Models;

/// <summary>A macro an employee runs on a conversation; <see cref="IdempotencyKey"/> makes a retried run a no-op.</summary>
[GenerateSerializer, Immutable, Alias("automation.MacroRun")]
public sealed record MacroRun(
    [property: Id(0)] Guid MacroId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<AutomationAction> Actions,
    [property: Id(3)] Guid EmployeeId,
    [property: Id(4)] string? IdempotencyKey);
