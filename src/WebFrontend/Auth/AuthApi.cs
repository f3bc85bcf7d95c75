using Conversations.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Conversations.WebFrontend.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        return app;
    }

    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, EmployeeView Employee);

    public sealed record EmployeeView(Guid Id, Guid BusinessId, string Email, string DisplayName, string Role);

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest? request,
        EmployeeDirectory employees,
        IPasswordHasher<EmployeeAccount> passwords,
        AccessTokenIssuer tokens,
        CancellationToken cancellationToken)
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

        var employee = await employees.FindByEmailAsync(request!.Email!, cancellationToken);

        // Verify against a stand-in hash when the address is unknown, so the answer takes as long and
        // says the same whether or not the e-mail exists.
        var verified = passwords.VerifyHashedPassword(
            employee ?? UnknownEmployee, employee?.PasswordHash ?? UnknownEmployeeHash, request.Password!);
        if (employee is null || !employee.IsActive || verified == PasswordVerificationResult.Failed)
        {
            return TypedResults.Problem(
                title: "Invalid e-mail or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = tokens.Issue(employee);
        return TypedResults.Ok(new LoginResponse(
            token.Token, "Bearer", token.ExpiresAt,
            new EmployeeView(employee.Id, employee.BusinessId, employee.Email, employee.DisplayName, employee.Role)));
    }

    private static readonly EmployeeAccount UnknownEmployee = new(Guid.Empty, Guid.Empty, "", "", "", "", false);

    private static readonly string UnknownEmployeeHash =
        new PasswordHasher<EmployeeAccount>().HashPassword(UnknownEmployee, Guid.NewGuid().ToString());
}
