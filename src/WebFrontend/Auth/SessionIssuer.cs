using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.TwoFactor;

namespace Conversations.WebFrontend.Auth;

/// <summary>Starts sessions and hands out their tokens: the body for API clients, the cookie for browsers.</summary>
public sealed class SessionIssuer(SessionStore sessions, AccessTokenIssuer accessTokens, TwoFactorStore twoFactor, IGrainFactory grains, TimeProvider time)
{
    public async Task<TokenResponse> StartAsync(EmployeeAccount employee, HttpContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.StartAsync(employee, RequestClient.Describe(context), time.GetUtcNow(), cancellationToken);
        await grains.GetGrain<IEmployeeGrain>(employee.Id).SessionStartedAsync(session.SessionId);
        return await RespondAsync(employee, session, context, cancellationToken);
    }

    public async Task<TokenResponse> RespondAsync(EmployeeAccount employee, StartedSession session, HttpContext context, CancellationToken cancellationToken)
    {
        var setupRequired = (await twoFactor.StatusAsync(employee.Id, cancellationToken)).SetupRequired;
        var access = accessTokens.Issue(employee, session.SessionId, setupRequired);
        RefreshCookie.Append(context.Response, session.RefreshToken, session.RefreshTokenExpiresAt);
        return new TokenResponse(
            access.Token, "Bearer", access.ExpiresAt, session.RefreshToken, session.RefreshTokenExpiresAt, session.SessionId,
            new EmployeeView(employee.Id, employee.BusinessId, employee.Email, employee.DisplayName, employee.Role, employee.EmailVerified),
            setupRequired);
    }
}
