namespace Conversations.WebFrontend.Auth;

/// <summary>
/// What login, refresh and accepting an invitation answer. The refresh token is also set as an httpOnly
/// cookie for browsers; API clients use this copy.
/// </summary>
/// <param name="TwoFactorSetupRequired">The business requires two-factor authentication and this employee has not set it
/// up: until they do, the access token opens only <c>/api/auth/*</c>.</param>
public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    DateTimeOffset ExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    Guid SessionId,
    EmployeeView Employee,
    bool TwoFactorSetupRequired = false);
