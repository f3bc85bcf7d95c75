namespace Conversations.Grains.Interfaces.Models;

/// <summary>A customer's reaction to one of the conversation's messages; an empty emoji removes it.</summary>
[GenerateSerializer, Immutable, Alias("conv.ReactionMark")]
public sealed record ReactionMark(
    [property: Id(0)] string TargetProviderMessageId,
    [property: Id(1)] string Emoji);
