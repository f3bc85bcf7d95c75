namespace Conversations.Grains.Assistant;

/// <summary>An OpenAI-compatible chat endpoint and model.</summary>
public sealed record LanguageModelEndpoint(string? BaseUrl, string Model, string? ApiKey);
