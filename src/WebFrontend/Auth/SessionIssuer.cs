using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Accounts;

namespace Conversations.WebFrontend.Auth;

/// <summary>Starts sessions and hands out their tokens: the body for API clients, the cookie for browsers.</summary>
public sealed class SessionIssuer(SessionStore sessions, AccessTokenIssuer accessTokens, IGrainFactory grains, TimeProvider time)
{
    public async Task<TokenResponse> StartAsync(EmployeeAccount employee, HttpContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.StartAsync(employee, RequestClient.Describe(context), time.GetUtcNow(), cancellationToken);
        await grains.GetGrain<IEmployeeGrain>(employee.Id).SessionStartedAsync(session.SessionId);
        return Respond(employee, session, context);
    }

    public TokenResponse Respond(EmployeeAccount employee, StartedSession session, HttpContext context)
    {
        var access = accessTokens.Issue(employee, session.SessionId);
        RefreshCookie.Append(context.Response, session.RefreshToken, session.RefreshTokenExpiresAt);
        return new TokenResponse(
            access.Token, "Bearer", access.ExpiresAt, session.RefreshToken, session.RefreshTokenExpiresAt, session.SessionId,
            new EmployeeView(employee.Id, employee.BusinessId, employee.Email, employee.DisplayName, employee.Role, employee.EmailVerified));
    }
}
