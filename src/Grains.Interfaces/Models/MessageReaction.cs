namespace Conversations.Grains.Interfaces.Models;

/// <summary>A reaction shown on a message.</summary>
[GenerateSerializer, Immutable, Alias("conv.MessageReaction")]
public sealed record MessageReaction(
    [property: Id(0)] string Reactor,
    [property: Id(1)] string Emoji);
