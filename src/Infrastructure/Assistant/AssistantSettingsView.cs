namespace Conversations.Infrastructure.Assistant;

/// <summary>A business's assistant settings as shown to its owners: the API key only as set or not.</summary>
public sealed record AssistantSettingsView(
    bool Enabled, string Provider, string? BaseUrl, string? Model, bool HasApiKey, string? Instructions, DateTimeOffset? UpdatedAt);
