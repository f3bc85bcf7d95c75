namespace Conversations.WebFrontend.Conversations;

public sealed record SendTemplateRequest(string? Name, string? Language, IReadOnlyList<string>? Parameters);
