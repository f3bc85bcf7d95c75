namespace Conversations.WebFrontend.Auth;

/// <summary>
/// What login, refresh and accepting an invitation answer. The refresh token is also set as an httpOnly
/// cookie for browsers; API clients use this copy.
/// </summary>
public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    DateTimeOffset ExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    Guid SessionId,
    EmployeeView Employee);
