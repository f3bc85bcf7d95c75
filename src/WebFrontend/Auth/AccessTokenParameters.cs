using Microsoft.IdentityModel.Tokens;

namespace Conversations.WebFrontend.Auth;

/// <summary>How every access token is checked (employees' and platform administrators'), for one audience.</summary>
public static class AccessTokenParameters
{
    public static TokenValidationParameters For(AuthOptions auth, string audience, TokenSigningKey signingKey, TimeProvider time) => new()
    {
        ValidIssuer = auth.Issuer,
        ValidAudience = audience,
        IssuerSigningKeyResolver = (_, _, _, _) => [signingKey.Key],
        NameClaimType = ConversationsClaims.EmployeeId,
        RoleClaimType = ConversationsClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),

        // Checked against the injected clock, so tests can let a token expire without waiting.
        LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } end && now < end + parameters.ClockSkew
                && (notBefore is not { } start || now >= start - parameters.ClockSkew);
        },
    };
}
