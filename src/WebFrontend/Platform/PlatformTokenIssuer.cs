using System.Security.Claims;
using Conversations.Infrastructure.Platform;
using Conversations.WebFrontend.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.WebFrontend.Platform;

/// <summary>Issues platform administrators' access tokens (15 minutes, like employees').</summary>
public sealed class PlatformTokenIssuer(IOptions<AuthOptions> options, TokenSigningKey signingKey, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    public AccessToken Issue(PlatformAdmin admin)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = PlatformAuth.AudienceOf(settings),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(ConversationsClaims.EmployeeId, admin.Id.ToString()),
                new Claim(ConversationsClaims.Role, PlatformAuth.Role),
                new Claim(ConversationsClaims.Email, admin.Email),
            ]),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expires);
    }
}
