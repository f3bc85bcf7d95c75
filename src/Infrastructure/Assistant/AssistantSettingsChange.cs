namespace Conversations.Infrastructure.Assistant;

/// <summary>A complete new version of a business's assistant settings.</summary>
/// <param name="ApiKey">Null keeps the stored key, an empty string removes it.</param>
/// <param name="Rules">Null keeps the stored rules.</param>
public sealed record AssistantSettingsChange(
    bool Enabled, string Provider, string? BaseUrl, string? Model, string? ApiKey, string? Instructions, AssistantRules? Rules);
