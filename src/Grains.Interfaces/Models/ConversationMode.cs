namespace Conversations.Grains.Interfaces.Models;

/// <summary>Who answers the customer.</summary>
[GenerateSerializer, Alias("conv.ConversationMode")]
public enum ConversationMode
{
    /// <summary>The assistant answers.</summary>
    Ai = 0,

    /// <summary>An employee has taken the conversation over.</summary>
    Human = 1,

    Closed = 2,
}
