namespace Conversations.WebFrontend.Auth;

/// <summary>What login answers for an employee with two-factor authentication: send a code with this token to <c>/api/auth/login/2fa</c>.</summary>
public sealed record TwoFactorChallenge(bool TwoFactorRequired, string ChallengeToken, DateTimeOffset ExpiresAt);
