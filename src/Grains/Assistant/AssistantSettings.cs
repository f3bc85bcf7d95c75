namespace Conversations.Grains.Assistant;

/// <summary>One business's choice of assistant.</summary>
/// <param name="Provider"><c>offline</c> (the built-in assistant) or <c>openai</c> (any OpenAI-compatible endpoint).</param>
/// <param name="BaseUrl">The endpoint, e.g. <c>https://api.openai.com/v1</c>; null for OpenAI's own.</param>
/// <param name="ApiKey">Decrypted only to make the call; stored protected.</param>
/// <param name="Instructions">The business's own words for the model: tone, rules, what to say about parking.</param>
public sealed record AssistantSettings(bool Enabled, string Provider, string? BaseUrl, string? Model, string? ApiKey, string? Instructions)
{
    public const string Offline = "offline";
    public const string OpenAi = "openai";

    public static AssistantSettings Default { get; } = new(true, Offline, null, null, null, null);

    public bool UsesLanguageModel => Provider == OpenAi && !string.IsNullOrWhiteSpace(Model);
}
