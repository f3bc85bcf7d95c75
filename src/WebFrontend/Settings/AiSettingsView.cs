namespace Conversations.WebFrontend.Settings;

/// <summary>The assistant's settings, as <c>/api/settings/ai</c> has them: the API key is write-only (<see cref="HasApiKey"/>).</summary>
public sealed record AiSettingsView(
    bool Enabled,
    string Provider,
    string? BaseUrl,
    string? Model,
    bool HasApiKey,
    string? Instructions,
    string Tone,
    HandoffRulesView Handoff,
    DateTimeOffset? UpdatedAt);
