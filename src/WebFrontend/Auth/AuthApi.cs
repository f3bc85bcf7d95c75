using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Platform;
using Conversations.Infrastructure.TwoFactor;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.RateLimiting;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Conversations.WebFrontend.Auth;

/// <summary>Login, refresh-token rotation, logout, and accepting an invitation (which logs the invitee in).</summary>
public static class AuthApi
{
    public const string InvalidCredentials = "Invalid e-mail or password.";

    /// <summary>The answer, after a right password, for the people of a business the platform suspended.</summary>
    public static ProblemHttpResult Suspended() =>
        TypedResults.Problem(title: "This business is suspended. Its owner can contact support.", statusCode: StatusCodes.Status403Forbidden);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Credentials);
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync).RequireOwnAccount();
        auth.MapPost("/logout-all", LogoutAllAsync).RequireOwnAccount();
        auth.MapPost("/accept-invitation", AcceptInvitationAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Credentials);
        return app;
    }

    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record AcceptInvitationRequest(string? Token, string? DisplayName, string? Password);

    /// <summary>
    /// Unknown e-mail, wrong password, inactive employee and locked account all get the same 401, after
    /// the same password-hash work, so the answer never tells whether an address has an account.
    /// </summary>
    internal static async Task<Results<Ok<TokenResponse>, Ok<TwoFactorChallenge>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request, [AsParameters] AuthServices services, TwoFactorStore twoFactor, TwoFactorChallenges challenges,
        BusinessSuspensions suspensions, ActivityRecorder activity,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Email))
        {
            errors["email"] = ["The e-mail address is required."];
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors["password"] = ["The password is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var email = request!.Email!.Trim();
        var now = services.Time.GetUtcNow();
        var locked = await services.Throttle.IsLockedAsync(email, now, cancellationToken);
        var employee = await services.Employees.FindByEmailAsync(email, cancellationToken);
        var hash = employee?.PasswordHash is { Length: > 0 } stored ? stored : UnknownEmployeeHash;
        var verified = services.Passwords.VerifyHashedPassword(employee ?? UnknownEmployee, hash, request.Password!);
        if (locked || employee is null || !employee.IsActive || verified == PasswordVerificationResult.Failed)
        {
            AccountsLog.LoginFailed(services.Log);
            await activity.RecordForAsync(employee?.BusinessId, employee?.Id, ActivityActions.LoginFailed, "employee", employee?.Id, new { locked });
            if (!locked && await services.Throttle.RecordFailureAsync(email, now, cancellationToken))
            {
                AccountsLog.LockedOut(services.Log);
            }

            return TypedResults.Problem(title: InvalidCredentials, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (await suspensions.IsSuspendedAsync(employee.BusinessId, cancellationToken))
        {
            return Suspended();
        }

        if ((await twoFactor.StatusAsync(employee.Id, cancellationToken)).Enabled)
        {
            // The password is right; the session starts only with the second factor (failures there count towards the lockout too).
            return TypedResults.Ok(challenges.Issue(employee.Id));
        }

        await services.Throttle.ResetAsync(email, cancellationToken);
        var tokens = await services.Issuer.StartAsync(employee, context, cancellationToken);
        AccountsLog.LoggedIn(services.Log, employee.Id, tokens.SessionId);
        await activity.RecordForAsync(employee.BusinessId, employee.Id, ActivityActions.LoggedIn, "session", tokens.SessionId);
        return TypedResults.Ok(tokens);
    }

    /// <summary>Spends the refresh token (from the body, else the cookie) for a new pair; a spent one revokes its session.</summary>
    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest? request, [AsParameters] AuthServices services, HttpContext context, CancellationToken cancellationToken)
    {
        var token = request?.RefreshToken ?? RefreshCookie.Read(context.Request);
        var outcome = await services.Sessions.RotateAsync(token, RequestClient.Describe(context), services.Time.GetUtcNow(), cancellationToken);
        switch (outcome)
        {
            case RefreshOutcome.Rotated rotated:
                return TypedResults.Ok(await services.Issuer.RespondAsync(rotated.Employee, rotated.Session, context, cancellationToken));
            case RefreshOutcome.Reused reused:
                await services.Grains.GetGrain<IEmployeeGrain>(reused.EmployeeId).RevokeSessionsAsync([reused.SessionId]);
                AccountsLog.RefreshTokenReused(services.Log, reused.EmployeeId, reused.SessionId);
                break;
        }

        RefreshCookie.Delete(context.Response);
        return TypedResults.Problem(title: "The refresh token is not valid.", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>Ends the caller's session: its refresh token and its access tokens stop working.</summary>
    internal static async Task<NoContent> LogoutAsync(ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        await grains.GetGrain<IEmployeeGrain>(user.GetEmployeeId()).RevokeSessionsAsync([user.GetSessionId()]);
        RefreshCookie.Delete(context.Response);
        return TypedResults.NoContent();
    }

    /// <summary>Ends every session of the caller, on every device.</summary>
    internal static async Task<NoContent> LogoutAllAsync(ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        await grains.GetGrain<IEmployeeGrain>(user.GetEmployeeId()).RevokeOtherSessionsAsync(null);
        RefreshCookie.Delete(context.Response);
        return TypedResults.NoContent();
    }

    /// <summary>Accepts an e-mailed invitation: sets the new employee's display name and password and signs them in (tokens and refresh cookie).</summary>
    internal static async Task<Results<Ok<TokenResponse>, ValidationProblem>> AcceptInvitationAsync(
        AcceptInvitationRequest? request,
        [AsParameters] AuthServices services,
        EmployeeInvitations invitations,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Token))
        {
            errors["token"] = ["The invitation token is required."];
        }

        if (AccountFields.DisplayNameError(request?.DisplayName) is { } nameError)
        {
            errors["displayName"] = [nameError];
        }

        if (PasswordRules.Check(request?.Password, null) is { } passwordError)
        {
            errors["password"] = [passwordError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var employee = await invitations.AcceptAsync(
            request!.Token, request.DisplayName!.Trim(), request.Password!, services.Time.GetUtcNow(), cancellationToken);
        if (employee is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["token"] = ["The invitation is not valid: it was used, withdrawn or has expired."] });
        }

        await services.Grains.GetGrain<IEmployeeGrain>(employee.Id).ReloadAsync();
        return TypedResults.Ok(await services.Issuer.StartAsync(employee, context, cancellationToken));
    }

    private static readonly EmployeeAccount UnknownEmployee = new(Guid.Empty, Guid.Empty, "", "", "", "", false);

    private static readonly string UnknownEmployeeHash =
        new PasswordHasher<EmployeeAccount>().HashPassword(UnknownEmployee, Guid.NewGuid().ToString());
}
