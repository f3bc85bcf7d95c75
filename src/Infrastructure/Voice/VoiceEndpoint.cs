namespace Conversations.Infrastructure.Voice;

/// <summary>An OpenAI-compatible endpoint to transcribe with; a null base URL is OpenAI's own.</summary>
public sealed record VoiceEndpoint(string? BaseUrl, string? ApiKey, string? Model);
