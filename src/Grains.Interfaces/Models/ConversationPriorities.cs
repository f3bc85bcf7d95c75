namespace Conversations.Grains.Interfaces.Models;

/// <summary>How urgent a conversation is; rules set it and SLA policies may apply to one priority only.</summary>
public static class ConversationPriorities
{
    public const string Normal = "normal";

    public static IReadOnlyList<string> All { get; } = ["low", Normal, "high", "urgent"];
}
