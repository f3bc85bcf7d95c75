namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// What the assistant made of a turn: the messages to send, its memory afterwards, and whether the conversation
/// must go to a human. The conversation grain decides whether it is sent: after a takeover it is only offered
/// to the agent as a draft.
/// </summary>
/// <param name="Engine"><c>offline</c> or <c>llm</c>.</param>
/// <param name="Moves">The steps the flow took in this turn, for the transition history.</param>
/// <param name="Error">What went wrong, when the assistant could not answer.</param>
[GenerateSerializer, Immutable, Alias("conv.AssistantReply")]
public sealed record AssistantReply(
    [property: Id(0)] Guid TurnId,
    [property: Id(1)] IReadOnlyList<MessageContent> Messages,
    [property: Id(2)] AssistantMemory Memory,
    [property: Id(3)] string Engine,
    [property: Id(4)] string? Model,
    [property: Id(5)] AssistantHandoff? Handoff,
    [property: Id(6)] TurnUsage Usage,
    [property: Id(7)] IReadOnlyList<FlowMove> Moves,
    [property: Id(8)] string? Error = null);
