using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Accounts;
using Conversations.WebFrontend.RateLimiting;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Conversations.WebFrontend.Auth;

/// <summary>Changing a known password, and resetting a forgotten one by e-mail. Both end every other session.</summary>
public static class PasswordApi
{
    public static IEndpointRouteBuilder MapPasswordApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/change-password", ChangeAsync).RequireOwnAccount().RequireRateLimiting(RateLimitPolicies.Credentials);
        auth.MapPost("/forgot-password", ForgotAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Credentials);
        auth.MapPost("/reset-password", ResetAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Credentials);
        return app;
    }

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record ForgotPasswordRequest(string? Email);

    public sealed record ResetPasswordRequest(string? Token, string? NewPassword);

    /// <summary>Changes the caller's password after checking the current one; the caller's other sessions end.</summary>
    internal static async Task<Results<NoContent, ValidationProblem>> ChangeAsync(
        ChangePasswordRequest? request,
        ClaimsPrincipal user,
        [AsParameters] AuthServices services,
        PasswordCredentials credentials,
        CancellationToken cancellationToken)
    {
        var employee = await services.Employees.FindByIdAsync(user.GetEmployeeId(), cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request?.CurrentPassword)
            || employee is null
            || services.Passwords.VerifyHashedPassword(employee, employee.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            errors["currentPassword"] = ["The current password is not correct."];
        }

        if (PasswordRules.Check(request?.NewPassword, employee?.Email) is { } passwordError)
        {
            errors["newPassword"] = [passwordError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await credentials.SetAsync(employee!.Id, request!.NewPassword!, services.Time.GetUtcNow(), cancellationToken);
        await services.Grains.GetGrain<IEmployeeGrain>(employee.Id).RevokeOtherSessionsAsync(user.GetSessionId());
        AccountsLog.PasswordChanged(services.Log, employee.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Always 202, whether or not the address has an account; only an active one gets an e-mail.</summary>
    internal static async Task<Results<Accepted, ValidationProblem>> ForgotAsync(
        ForgotPasswordRequest? request,
        [AsParameters] AuthServices services,
        PasswordCredentials credentials,
        AccountEmails emails,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["The e-mail address is required."] });
        }

        var employee = await services.Employees.FindByEmailAsync(request.Email, cancellationToken);
        if (employee is { IsActive: true })
        {
            var token = await credentials.IssueResetTokenAsync(employee, services.Time.GetUtcNow(), cancellationToken);
            await emails.SendPasswordResetAsync(employee.Email, employee.DisplayName, token, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Sets a new password with the token from the password-reset e-mail; the token works once, and every session of the account ends.</summary>
    internal static async Task<Results<NoContent, ValidationProblem>> ResetAsync(
        ResetPasswordRequest? request,
        [AsParameters] AuthServices services,
        PasswordCredentials credentials,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request?.Token))
        {
            errors["token"] = ["The reset token is required."];
        }

        if (PasswordRules.Check(request?.NewPassword, null) is { } passwordError)
        {
            errors["newPassword"] = [passwordError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var employee = await credentials.ResetAsync(request!.Token, request.NewPassword!, services.Time.GetUtcNow(), cancellationToken);
        if (employee is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["token"] = ["The reset link is not valid: it was used or has expired."] });
        }

        await services.Grains.GetGrain<IEmployeeGrain>(employee.Id).RevokeOtherSessionsAsync(null);
        await services.Throttle.ResetAsync(employee.Email, cancellationToken);
        AccountsLog.PasswordReset(services.Log, employee.Id);
        return TypedResults.NoContent();
    }
}
