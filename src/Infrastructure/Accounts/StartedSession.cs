namespace Conversations.Infrastructure.Accounts;

/// <summary>A session and the refresh token that continues it (given to the client once, stored only hashed).</summary>
public sealed record StartedSession(Guid SessionId, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);
