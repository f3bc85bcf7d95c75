namespace Conversations.Grains.Assistant;

/// <summary>The manners the assistant can be given (<c>assistant_settings.tone</c>).</summary>
public static class AssistantTones
{
    public const string Friendly = "friendly";
    public const string Formal = "formal";
    public const string Concise = "concise";

    public static IReadOnlyList<string> All { get; } = [Friendly, Formal, Concise];
}
