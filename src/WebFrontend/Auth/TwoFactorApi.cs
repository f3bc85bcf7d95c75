using System.Security.Claims;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Platform;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.TwoFactor;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.RateLimiting;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Conversations.WebFrontend.Auth;

/// <summary>
/// Two-factor authentication with an authenticator app (TOTP, RFC 6238) and single-use recovery codes: the
/// second login step, setting it up and turning it off, and the business's requirement. A business that requires
/// it lets an employee without it do nothing but set it up.
/// </summary>
public static class TwoFactorApi
{
    private const string Issuer = "Conversations";

    public static IEndpointRouteBuilder MapTwoFactorApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login/2fa", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Credentials).WithTags("Auth")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        var twoFactor = app.MapGroup("/api/auth/2fa").WithTags("Auth").RequireOwnAccount();
        twoFactor.MapGet("/", StatusAsync);
        twoFactor.MapPost("/setup", SetUpAsync);
        twoFactor.MapPost("/enable", EnableAsync);
        twoFactor.MapPost("/disable", DisableAsync);
        twoFactor.MapPost("/recovery-codes", RenewRecoveryCodesAsync);
        var security = app.MapGroup("/api/settings/security").WithTags("Settings");
        security.MapGet("/", SecurityAsync).RequirePermission(Permissions.SettingsRead);
        security.MapPatch("/", ChangeSecurityAsync).RequirePermission(Permissions.SecurityManage);
        return app;
    }

    public sealed record SecondStepRequest(string? ChallengeToken, string? Code, string? RecoveryCode);

    public sealed record CodeRequest(string? Code);

    public sealed record PasswordRequest(string? Password);

    public sealed record SecurityRequest(bool? RequireTwoFactor);

    public sealed record SetupResponse(string Secret, string OtpauthUri);

    public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);

    public sealed record SecuritySettings(bool RequireTwoFactor);

    /// <summary>The second step: a current code from the app, or one of the recovery codes, each usable once.</summary>
    internal static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        SecondStepRequest? request, TwoFactorChallenges challenges, TwoFactorStore store, BusinessSuspensions suspensions, [AsParameters] AuthServices services,
        ActivityRecorder activity, HttpContext context, CancellationToken cancellationToken)
    {
        if (challenges.Redeem(request?.ChallengeToken) is not { } employeeId)
        {
            return FieldProblems.Of(StatusCodes.Status401Unauthorized, "challengeToken", "The sign-in has expired or is not valid; log in again.");
        }

        if (string.IsNullOrWhiteSpace(request!.Code) && string.IsNullOrWhiteSpace(request.RecoveryCode))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "code", "A code from the authenticator app, or a recovery code, is required.");
        }

        var employee = await services.Employees.FindByIdAsync(employeeId, cancellationToken);
        var now = services.Time.GetUtcNow();
        if (employee is not { IsActive: true } || await services.Throttle.IsLockedAsync(employee.Email, now, cancellationToken))
        {
            return FieldProblems.Of(StatusCodes.Status401Unauthorized, "code", "The code is not valid.");
        }

        var accepted = !string.IsNullOrWhiteSpace(request.Code)
            ? await SpendCodeAsync(store, employeeId, request.Code, enable: false, now, cancellationToken)
            : await store.UseRecoveryCodeAsync(employeeId, request.RecoveryCode!, now, cancellationToken);
        if (!accepted)
        {
            AccountsLog.LoginFailed(services.Log);
            await activity.RecordForAsync(employee.BusinessId, employee.Id, ActivityActions.LoginFailed, "employee", employee.Id, new { secondFactor = true });
            if (await services.Throttle.RecordFailureAsync(employee.Email, now, cancellationToken))
            {
                AccountsLog.LockedOut(services.Log);
            }

            return FieldProblems.Of(StatusCodes.Status401Unauthorized, "code", "The code is not valid.");
        }

        await services.Throttle.ResetAsync(employee.Email, cancellationToken);
        if (await suspensions.IsSuspendedAsync(employee.BusinessId, cancellationToken))
        {
            return AuthApi.Suspended();
        }

        var tokens = await services.Issuer.StartAsync(employee, context, cancellationToken);
        AccountsLog.LoggedIn(services.Log, employee.Id, tokens.SessionId);
        await activity.RecordForAsync(employee.BusinessId, employee.Id, ActivityActions.LoggedIn, "session", tokens.SessionId, new { secondFactor = true });
        return TypedResults.Ok(tokens);
    }

    /// <summary>Whether the caller has two-factor authentication on, and how many recovery codes remain.</summary>
    internal static async Task<Ok<TwoFactorStatus>> StatusAsync(ClaimsPrincipal user, TwoFactorStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.StatusAsync(user.GetEmployeeId(), cancellationToken));

    /// <summary>A new secret for the authenticator app; two-factor is on only once a code from it is confirmed.</summary>
    internal static async Task<Results<Ok<SetupResponse>, ProblemHttpResult>> SetUpAsync(
        ClaimsPrincipal user, TwoFactorStore store, CancellationToken cancellationToken)
    {
        if (await store.BeginSetupAsync(user.GetEmployeeId(), cancellationToken) is not { } secret)
        {
            return FieldProblems.Conflict("twoFactor", "Two-factor authentication is already on. Turn it off first to use another app.");
        }

        return TypedResults.Ok(new SetupResponse(Base32.Encode(secret), Totp.ProvisioningUri(secret, Issuer, user.FindFirstValue(ConversationsClaims.Email) ?? "")));
    }

    /// <summary>Confirms the app with a code: two-factor is on, and the recovery codes are shown, this once.</summary>
    internal static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult>> EnableAsync(
        CodeRequest? request, ClaimsPrincipal user, TwoFactorStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var employeeId = user.GetEmployeeId();
        if (await store.SecretAsync(employeeId, cancellationToken) is not { } secret)
        {
            return FieldProblems.Conflict("twoFactor", "Start with /api/auth/2fa/setup.");
        }

        if (secret.Enabled)
        {
            return FieldProblems.Conflict("twoFactor", "Two-factor authentication is already on.");
        }

        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(request?.Code) || !await SpendCodeAsync(store, employeeId, request.Code, enable: true, now, cancellationToken))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "code", "The code is not valid. Enter the six digits the app shows now.");
        }

        return TypedResults.Ok(new RecoveryCodesResponse(await store.NewRecoveryCodesAsync(employeeId, now, cancellationToken)));
    }

    /// <summary>Turns the caller's two-factor authentication off after checking their password; refused with 409 when the business requires it.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DisableAsync(
        PasswordRequest? request, ClaimsPrincipal user, TwoFactorStore store, EmployeeDirectory employees, IPasswordHasher<EmployeeAccount> passwords,
        CancellationToken cancellationToken)
    {
        var employee = await employees.FindByIdAsync(user.GetEmployeeId(), cancellationToken);
        if (employee is null || string.IsNullOrEmpty(request?.Password)
            || passwords.VerifyHashedPassword(employee, employee.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "password", "The password is not right.");
        }

        if (await store.IsRequiredAsync(employee.BusinessId, cancellationToken))
        {
            return FieldProblems.Conflict("twoFactor", "Your business requires two-factor authentication.");
        }

        await store.DisableAsync(employee.Id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Replaces the caller's recovery codes with new ones, given a current authenticator code; the old codes stop working.</summary>
    internal static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult>> RenewRecoveryCodesAsync(
        CodeRequest? request, ClaimsPrincipal user, TwoFactorStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var employeeId = user.GetEmployeeId();
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(request?.Code) || !await SpendCodeAsync(store, employeeId, request.Code, enable: false, now, cancellationToken))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "code", "The code is not valid.");
        }

        return TypedResults.Ok(new RecoveryCodesResponse(await store.NewRecoveryCodesAsync(employeeId, now, cancellationToken)));
    }

    /// <summary>The business's security settings: whether every employee must use two-factor authentication.</summary>
    internal static async Task<Ok<SecuritySettings>> SecurityAsync(ClaimsPrincipal user, TwoFactorStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SecuritySettings(await store.IsRequiredAsync(user.GetBusinessId(), cancellationToken)));

    /// <summary>Requires (or stops requiring) two-factor authentication for every employee of the business.</summary>
    internal static async Task<Results<Ok<SecuritySettings>, ProblemHttpResult>> ChangeSecurityAsync(
        SecurityRequest? request, ClaimsPrincipal user, TwoFactorStore store, ActivityRecorder activity, CancellationToken cancellationToken)
    {
        if (request?.RequireTwoFactor is not { } required)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "requireTwoFactor", "Say whether two-factor authentication is required (true or false).");
        }

        var before = new SecuritySettings(await store.IsRequiredAsync(user.GetBusinessId(), cancellationToken));
        await store.RequireAsync(user.GetBusinessId(), required, cancellationToken);
        await SettingsChanges.RecordAsync(activity, "security", before, new SecuritySettings(required));
        return TypedResults.Ok(new SecuritySettings(required));
    }

    private static async Task<bool> SpendCodeAsync(TwoFactorStore store, Guid employeeId, string code, bool enable, DateTimeOffset now, CancellationToken cancellationToken) =>
        await store.SecretAsync(employeeId, cancellationToken) is { } secret
        && Totp.Match(secret.Secret, code, now) is { } step
        && await store.UseStepAsync(employeeId, step, enable, now, cancellationToken);

    /// <summary>
    /// While the business requires two factors and the employee has none, their token opens only the account
    /// endpoints (<c>/api/auth/...</c>): enough to set it up, nothing else.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorSetupGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(c => c.Type == ConversationsClaims.TwoFactorSetup) && !context.Request.Path.StartsWithSegments("/api/auth"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(
                    new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Your business requires two-factor authentication: set it up with /api/auth/2fa/setup, then refresh your token.",
                        Extensions = { ["errors"] = new Dictionary<string, string[]> { ["twoFactor"] = ["Two-factor authentication must be set up first."] } },
                    },
                    options: null, contentType: "application/problem+json");
                return;
            }

            await next();
        });
}
