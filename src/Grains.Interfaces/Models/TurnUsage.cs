namespace Conversations.Grains.Interfaces.Models;

/// <summary>What a turn cost: the model's tokens, their price in millionths of a US dollar, and the tool calls made.</summary>
[GenerateSerializer, Immutable, Alias("conv.TurnUsage")]
public sealed record TurnUsage(
    [property: Id(0)] long InputTokens,
    [property: Id(1)] long OutputTokens,
    [property: Id(2)] long CostMicros,
    [property: Id(3)] int ToolCalls)
{
    public static TurnUsage None { get; } = new(0, 0, 0, 0);

    public TurnUsage Add(TurnUsage other) =>
        new(InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, CostMicros + other.CostMicros, ToolCalls + other.ToolCalls);
}
