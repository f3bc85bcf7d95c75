namespace Conversations.Grains.Interfaces.Models;

/// <summary>Where a conversation is in the team's work. A new customer message reopens it.</summary>
[GenerateSerializer, Alias("conv.ConversationStatus")]
public enum ConversationStatus
{
    Open = 0,

    /// <summary>Waiting on the customer or a third party.</summary>
    Pending = 1,

    /// <summary>Out of sight until a time, then open again.</summary>
    Snoozed = 2,

    Resolved = 3,
}
