namespace Conversations.WebFrontend.Auth;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
