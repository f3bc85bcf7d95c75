using System.Security.Claims;
using Conversations.Infrastructure.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.WebFrontend.Auth;

public sealed class AccessTokenIssuer(IOptions<AuthOptions> options, TokenSigningKey signingKey, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <param name="twoFactorSetupRequired">The token then only opens the account and two-factor endpoints.</param>
    public AccessToken Issue(EmployeeAccount employee, Guid sessionId, bool twoFactorSetupRequired = false)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
                new[]
                {
                    new Claim(ConversationsClaims.EmployeeId, employee.Id.ToString()),
                    new Claim(ConversationsClaims.BusinessId, employee.BusinessId.ToString()),
                    new Claim(ConversationsClaims.Role, employee.Role),
                    new Claim(ConversationsClaims.Email, employee.Email),
                    new Claim(ConversationsClaims.SessionId, sessionId.ToString()),
                }.Concat(twoFactorSetupRequired ? [new Claim(ConversationsClaims.TwoFactorSetup, "setup")] : [])),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expires);
    }
}
