namespace Conversations.Grains.Interfaces.Models;

/// <summary>A macro's run: each action's outcome and the conversation after it. <see cref="Repeated"/> when the key was already used.</summary>
[GenerateSerializer, Immutable, Alias("automation.MacroOutcome")]
public sealed record MacroOutcome(
    [property: Id(0)] Guid ExecutionId,
    [property: Id(1)] bool Repeated,
    [property: Id(2)] IReadOnlyList<ActionOutcome> Actions,
    [property: Id(3)] ConversationSnapshot? Conversation);
