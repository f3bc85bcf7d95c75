namespace Conversations.Grains.Interfaces.Models;

/// <summary>The answer to a takeover, release, assignment or transfer.</summary>
/// <param name="Accepted">Whether the change was made (or already held).</param>
/// <param name="HolderId">When refused: the employee who holds the conversation.</param>
[GenerateSerializer, Immutable, Alias("conv.OwnershipChange")]
public sealed record OwnershipChange(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] Guid? HolderId,
    [property: Id(2)] ConversationSnapshot Conversation);
