namespace Conversations.Infrastructure.ApiKeys;

/// <summary>A key as the API lists it. <see cref="Key"/> is there only in the answer that created it.</summary>
public sealed record ApiKeyView(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? Key = null);
