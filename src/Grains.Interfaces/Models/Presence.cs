namespace Conversations.Grains.Interfaces.Models;

/// <summary>Whether an employee can take conversations now.</summary>
[GenerateSerializer, Alias("conv.Presence")]
public enum Presence
{
    Offline = 0,
    Online = 1,

    /// <summary>Connected, but said they are away.</summary>
    Away = 2,
}
