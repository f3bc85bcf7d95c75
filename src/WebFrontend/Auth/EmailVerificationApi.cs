using System.Security.Claims;
using Conversations.Infrastructure.Accounts;
using Conversations.WebFrontend.RateLimiting;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Auth;

/// <summary>Confirming an e-mail address with the token sent to it, and asking for a new one.</summary>
public static class EmailVerificationApi
{
    public static IEndpointRouteBuilder MapEmailVerificationApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/verify-email", VerifyAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Credentials);
        auth.MapPost("/resend-verification", ResendAsync).RequireOwnAccount().RequireRateLimiting(RateLimitPolicies.Credentials);
        return app;
    }

    public sealed record VerifyEmailRequest(string? Token);

    /// <summary>Confirms an e-mail address with the token from the verification e-mail; a used or expired token is a validation problem.</summary>
    internal static async Task<Results<NoContent, ValidationProblem>> VerifyAsync(
        VerifyEmailRequest? request, EmailVerification verification, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Token))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["The verification token is required."] });
        }

        if (!await verification.VerifyAsync(request.Token, time.GetUtcNow(), cancellationToken))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["token"] = ["The verification link is not valid: it was used or has expired."] });
        }

        return TypedResults.NoContent();
    }

    /// <summary>Sends a new verification e-mail (spending the old link) unless the address is verified already.</summary>
    internal static async Task<Accepted> ResendAsync(
        ClaimsPrincipal user,
        EmployeeDirectory employees,
        EmailVerification verification,
        AccountEmails emails,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var employee = await employees.FindByIdAsync(user.GetEmployeeId(), cancellationToken);
        if (employee is { EmailVerified: false })
        {
            var token = await verification.IssueTokenAsync(employee.BusinessId, employee.Id, time.GetUtcNow(), cancellationToken);
            await emails.SendVerificationAsync(employee.Email, employee.DisplayName, token, cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }
}
