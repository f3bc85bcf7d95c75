namespace Conversations.Infrastructure.Accounts;

/// <summary>A live session as its employee sees it in the sessions list.</summary>
public sealed record ActiveSession(
    Guid Id,
    string UserAgent,
    string IpAddress,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt);
