namespace Conversations.Grains.Interfaces.Models;

/// <summary>Why the assistant gives the conversation to a human, and what the agent should know.</summary>
/// <param name="Reason"><c>customer_asked</c>, <c>model_asked</c>, <c>model_failed</c>, <c>not_understood</c>,
/// <c>tool_loop</c>, <c>assistant_off</c> or <c>takeover</c>.</param>
/// <param name="Intent">What the customer wants, in a few words.</param>
/// <param name="Summary">The conversation so far, in a few sentences.</param>
[GenerateSerializer, Immutable, Alias("conv.AssistantHandoff")]
public sealed record AssistantHandoff(
    [property: Id(0)] string Reason,
    [property: Id(1)] string Intent,
    [property: Id(2)] string Summary);
