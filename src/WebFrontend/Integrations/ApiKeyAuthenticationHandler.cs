using System.Security.Claims;
using System.Text.Encodings.Web;
using Conversations.Infrastructure.ApiKeys;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Conversations.WebFrontend.Integrations;

/// <summary>
/// <c>Authorization: Bearer ck_…</c> or <c>X-Api-Key: ck_…</c>: the business claim, the key's maker as the actor
/// (role agent), the key's id and its scopes, so the existing endpoints serve keys within <see cref="ApiKeyRoutes"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyAuthentication.Read(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (await keys.AuthenticateAsync(key, Context.RequestAborted) is not { } holder)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(ConversationsClaims.EmployeeId, holder.EmployeeId.ToString()),
            new(ConversationsClaims.BusinessId, holder.BusinessId.ToString()),
            new(ConversationsClaims.Role, "agent"),
            new(ApiKeyAuthentication.KeyIdClaim, holder.KeyId.ToString()),
        };
        claims.AddRange(holder.Scopes.Select(scope => new Claim(ApiKeyAuthentication.ScopeClaim, scope)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ConversationsClaims.EmployeeId, ConversationsClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
