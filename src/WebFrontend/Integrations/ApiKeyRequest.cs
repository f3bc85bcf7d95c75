namespace Conversations.WebFrontend.Integrations;

/// <summary>The body of <c>POST /api/api-keys</c>: a name people recognise and one or more scopes.</summary>
public sealed record ApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes);
