namespace Conversations.Grains.Interfaces.Models;

/// <summary>One step of the assistant's flow within a turn, and why it was taken.</summary>
[GenerateSerializer, Immutable, Alias("conv.FlowMove")]
public sealed record FlowMove([property: Id(0)] FlowState From, [property: Id(1)] FlowState To, [property: Id(2)] string Reason);
