namespace Conversations.Infrastructure.Voice;

/// <summary>A business's voice-note settings as its owners see them.</summary>
/// <param name="HasEndpoint">Whether a transcription endpoint is available (its own, or the assistant's OpenAI-compatible one).</param>
public sealed record VoiceSettingsView(bool Enabled, string? Model, string? BaseUrl, bool HasApiKey, bool HasEndpoint, DateTimeOffset? UpdatedAt);
