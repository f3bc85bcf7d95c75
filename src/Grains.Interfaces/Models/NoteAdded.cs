namespace Conversations.Grains.Interfaces.Models;

/// <summary>A note was written on a conversation.</summary>
[GenerateSerializer, Immutable, Alias("conv.NoteAdded")]
public sealed record NoteAdded(Guid BusinessId, [property: Id(0)] NoteView Note)
    : BusinessEvent(BusinessId, Note.ConversationId);
