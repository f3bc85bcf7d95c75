using Conversations.Infrastructure.Accounts;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Businesses;

/// <summary>Public sign-up: a new business with its owner, who then confirms their e-mail address.</summary>
public static class BusinessesApi
{
    public const int MaxBusinessNameLength = 200;

    public static IEndpointRouteBuilder MapBusinessesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/businesses").WithTags("Businesses")
            .MapPost("/", SignUpAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignUp);
        return app;
    }

    public sealed record SignUpRequest(string? BusinessName, string? TimeZone, string? OwnerName, string? Email, string? Password);

    /// <param name="EmailVerified">False until the owner opens the link e-mailed to them; they may log in meanwhile.</param>
    public sealed record SignUpResponse(Guid BusinessId, Guid EmployeeId, string Email, bool EmailVerified);

    /// <summary>Signs a new business up with its owner's account; the owner receives an e-mail to verify their address.</summary>
    internal static async Task<Results<Created<SignUpResponse>, ValidationProblem, ProblemHttpResult>> SignUpAsync(
        SignUpRequest? request,
        BusinessProvisioning provisioning,
        EmailVerification verification,
        AccountEmails emails,
        TimeProvider time,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var email = request!.Email!;
        var ownerName = request.OwnerName!.Trim();
        var businessId = Guid.CreateVersion7(time.GetUtcNow());
        var ownerId = await provisioning.TryCreateAsync(
            new NewBusiness(
                businessId, request.BusinessName!.Trim(), request.TimeZone!,
                new NewEmployee(email, ownerName, request.Password!, EmailVerified: false),
                DefaultServices.All, Channel: null),
            cancellationToken);
        if (ownerId is null)
        {
            return TypedResults.Problem(
                title: "An account with this e-mail address already exists.",
                detail: "Log in, or reset the password if it is forgotten.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["email"] = ["Already registered."] } });
        }

        var log = logs.CreateLogger(AccountsLog.Category);
        AccountsLog.SignedUp(log, businessId, ownerId.Value);

        // The business exists now whatever happens to the e-mail: a failed send must not turn into an
        // error that invites a retry (which would meet a 409). The owner can ask for a new link.
        try
        {
            var token = await verification.IssueTokenAsync(businessId, ownerId.Value, time.GetUtcNow(), cancellationToken);
            await emails.SendVerificationAsync(email, ownerName, token, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AccountsLog.MailFailed(log, exception, "verification", ownerId.Value);
        }

        return TypedResults.Created((string?)null, new SignUpResponse(businessId, ownerId.Value, email, EmailVerified: false));
    }

    private static Dictionary<string, string[]> Validate(SignUpRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request?.BusinessName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["businessName"] = ["The business name is required."];
        }
        else if (name.Length > MaxBusinessNameLength)
        {
            errors["businessName"] = [$"The business name must have at most {MaxBusinessNameLength} characters."];
        }

        if (!IsIanaTimeZone(request?.TimeZone))
        {
            errors["timeZone"] = ["An IANA time zone id is required, e.g. Europe/Madrid."];
        }

        if (AccountFields.DisplayNameError(request?.OwnerName) is { } nameError)
        {
            errors["ownerName"] = [nameError];
        }

        if (!EmailAddresses.IsValid(request?.Email))
        {
            errors["email"] = ["A valid e-mail address is required."];
        }

        if (PasswordRules.Check(request?.Password, request?.Email) is { } passwordError)
        {
            errors["password"] = [passwordError];
        }

        return errors;
    }

    /// <summary>An IANA id (what the business's customers' calendars use), not a Windows one, known to this machine.</summary>
    public static bool IsIanaTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
