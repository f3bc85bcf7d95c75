namespace Conversations.Grains.Interfaces.Models;

/// <summary>What became of a delivered message.</summary>
[GenerateSerializer, Alias("conv.MessageAcceptance")]
public enum MessageAcceptance
{
    /// <summary>Stored now for the first time.</summary>
    Stored = 0,

    /// <summary>Already stored by an earlier delivery; nothing changed.</summary>
    Duplicate = 1,
}
