namespace Conversations.Grains.Interfaces.Models;

/// <summary>An internal note on a conversation: for the team, never sent to the customer.</summary>
[GenerateSerializer, Immutable, Alias("conv.NoteView")]
public sealed record NoteView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ConversationId,
    [property: Id(2)] Guid AuthorId,
    [property: Id(3)] string Body,
    [property: Id(4)] IReadOnlyList<Guid> Mentions,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);
