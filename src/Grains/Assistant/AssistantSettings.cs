namespace Conversations.Grains.Assistant;

/// <summary>One business's choice of assistant.</summary>
/// <param name="Provider"><c>offline</c> (the built-in assistant) or <c>openai</c> (any OpenAI-compatible endpoint).</param>
/// <param name="BaseUrl">The endpoint, e.g. <c>https://api.openai.com/v1</c>; null for OpenAI's own.</param>
/// <param name="ApiKey">Decrypted only to make the call; stored protected.</param>
/// <param name="Instructions">The business's own words for the model: tone, rules, what to say about parking.</param>
/// <param name="Tone">How the assistant speaks, one of <see cref="AssistantTones"/>.</param>
/// <param name="MaxMisunderstandings">Messages in a row it may not understand before handing off; null: the cluster's setting.</param>
/// <param name="HandoffKeywords">Words or phrases that send the customer straight to a person, whatever the flow.</param>
public sealed record AssistantSettings(
    bool Enabled,
    string Provider,
    string? BaseUrl,
    string? Model,
    string? ApiKey,
    string? Instructions,
    string Tone = AssistantTones.Friendly,
    int? MaxMisunderstandings = null,
    IReadOnlyList<string>? HandoffKeywords = null)
{
    public const string Offline = "offline";
    public const string OpenAi = "openai";

    public static AssistantSettings Default { get; } = new(true, Offline, null, null, null, null);

    public bool UsesLanguageModel => Provider == OpenAi && !string.IsNullOrWhiteSpace(Model);
}
