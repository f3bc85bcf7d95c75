using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Plans;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Employees;

/// <summary>
/// The caller's business's team: invite by e-mail, list, view, update, deactivate. Every query filters on
/// the business in the caller's token, so another business's employee id is simply not found (404).
/// </summary>
public static class EmployeesApi
{
    public static IEndpointRouteBuilder MapEmployeesApi(this IEndpointRouteBuilder app)
    {
        var employees = app.MapGroup("/api/employees").WithTags("Employees");
        employees.MapPost("/", InviteAsync).RequireAuthorization(EmployeePolicies.Manage);
        employees.MapGet("/", ListAsync);
        employees.MapGet("/{id:guid}", GetAsync);
        employees.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(EmployeePolicies.Manage);
        employees.MapDelete("/{id:guid}", DeactivateAsync).RequireAuthorization(EmployeePolicies.Manage);
        return app;
    }

    public sealed record InviteRequest(string? Email, string? Role, string? DisplayName);

    public sealed record UpdateRequest(string? DisplayName, string? Role);

    private static async Task<Results<Created<EmployeeProfile>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        InviteRequest? request,
        ClaimsPrincipal user,
        EmployeeInvitations invitations,
        BusinessProvisioning businesses,
        AccountEmails emails,
        PlanLimits limits,
        TimeProvider time,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddresses.IsValid(request?.Email))
        {
            errors["email"] = ["A valid e-mail address is required."];
        }

        if (!EmployeeRoles.IsKnown(request?.Role))
        {
            errors["role"] = [$"The role must be one of: {string.Join(", ", EmployeeRoles.All)}."];
        }

        if (request?.DisplayName is not null && AccountFields.DisplayNameError(request.DisplayName) is { } nameError)
        {
            errors["displayName"] = [nameError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (MayNotGrant(user, request!.Role!) is { } forbidden)
        {
            return forbidden;
        }

        var businessId = user.GetBusinessId();
        if (await limits.RefuseSeatAsync(businessId, cancellationToken) is { } full)
        {
            return PlanProblems.LimitReached(full);
        }

        var email = request.Email!;
        var displayName = request.DisplayName?.Trim() ?? email[..email.IndexOf('@', StringComparison.Ordinal)];
        var invitation = await invitations.InviteAsync(businessId, email, displayName, request.Role!, time.GetUtcNow(), cancellationToken);
        if (invitation is null)
        {
            return Conflict("email", "An account with this e-mail address already exists.");
        }

        var businessName = await businesses.FindNameAsync(businessId, cancellationToken) ?? "your team";
        await emails.SendInvitationAsync(email, businessName, invitation.Employee.Role, invitation.Token, cancellationToken);
        AccountsLog.Invited(logs.CreateLogger(AccountsLog.Category), user.GetEmployeeId(), invitation.Employee.Id, businessId);
        await limits.NoteSeatsAsync(businessId, cancellationToken);
        return TypedResults.Created($"/api/employees/{invitation.Employee.Id}", invitation.Employee);
    }

    private static async Task<Ok<IReadOnlyList<EmployeeProfile>>> ListAsync(
        ClaimsPrincipal user, EmployeeDirectory employees, CancellationToken cancellationToken) =>
        TypedResults.Ok(await employees.ListAsync(user.GetBusinessId(), cancellationToken));

    private static async Task<Results<Ok<EmployeeProfile>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, EmployeeDirectory employees, CancellationToken cancellationToken) =>
        await employees.GetAsync(user.GetBusinessId(), id, cancellationToken) is { } employee
            ? TypedResults.Ok(employee)
            : NotFound();

    /// <summary>
    /// Renames and/or changes the role. A role change takes effect at once: the employee's tokens carrying
    /// the old role are refused, and their next refresh carries the new one.
    /// </summary>
    private static async Task<Results<Ok<EmployeeProfile>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id,
        UpdateRequest? request,
        ClaimsPrincipal user,
        EmployeeDirectory employees,
        IGrainFactory grains,
        TimeProvider time,
        ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.DisplayName is null && request?.Role is null)
        {
            errors["displayName"] = ["Give a new displayName, a new role, or both."];
        }

        if (request?.DisplayName is not null && AccountFields.DisplayNameError(request.DisplayName) is { } nameError)
        {
            errors["displayName"] = [nameError];
        }

        if (request?.Role is not null && !EmployeeRoles.IsKnown(request.Role))
        {
            errors["role"] = [$"The role must be one of: {string.Join(", ", EmployeeRoles.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        var target = await employees.GetAsync(businessId, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        if (request!.Role is { } role && role != target.Role)
        {
            if ((MayNotGrant(user, role) ?? MayNotManage(user, target)) is { } forbidden)
            {
                return forbidden;
            }

            switch (await grains.GetGrain<IEmployeeGrain>(id).ChangeRoleAsync(businessId, role))
            {
                case EmployeeChangeResult.NotFound:
                    return NotFound();
                case EmployeeChangeResult.LastOwner:
                    return Conflict("role", "The business's last owner cannot be demoted; make someone else owner first.");
            }

            AccountsLog.RoleChanged(logs.CreateLogger(AccountsLog.Category), user.GetEmployeeId(), id, role);
        }

        if (request.DisplayName is { } name && !await employees.RenameAsync(businessId, id, name.Trim(), time.GetUtcNow(), cancellationToken))
        {
            return NotFound();
        }

        return await employees.GetAsync(businessId, id, cancellationToken) is { } updated ? TypedResults.Ok(updated) : NotFound();
    }

    /// <summary>Deactivates the employee: every session and token of theirs stops working at once.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        Guid id, ClaimsPrincipal user, EmployeeDirectory employees, IGrainFactory grains, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var target = await employees.GetAsync(businessId, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        if (MayNotManage(user, target) is { } forbidden)
        {
            return forbidden;
        }

        switch (await grains.GetGrain<IEmployeeGrain>(id).DeactivateAsync(businessId))
        {
            case EmployeeChangeResult.NotFound:
                return NotFound();
            case EmployeeChangeResult.LastOwner:
                return Conflict("id", "The business's last owner cannot be deactivated.");
        }

        AccountsLog.Deactivated(logs.CreateLogger(AccountsLog.Category), user.GetEmployeeId(), id);
        return TypedResults.NoContent();
    }

    /// <summary>Only an owner may make someone an owner.</summary>
    private static ProblemHttpResult? MayNotGrant(ClaimsPrincipal user, string role) =>
        role == EmployeeRoles.Owner && user.GetRole() != EmployeeRoles.Owner
            ? Forbidden("role", "Only an owner can grant the owner role.")
            : null;

    /// <summary>Only an owner may change or deactivate an owner.</summary>
    private static ProblemHttpResult? MayNotManage(ClaimsPrincipal user, EmployeeProfile target) =>
        target.Role == EmployeeRoles.Owner && user.GetRole() != EmployeeRoles.Owner
            ? Forbidden("id", "Only an owner can change or deactivate an owner.")
            : null;

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "No such employee.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Forbidden(string field, string message) => Problem(StatusCodes.Status403Forbidden, field, message);

    private static ProblemHttpResult Conflict(string field, string message) => Problem(StatusCodes.Status409Conflict, field, message);

    private static ProblemHttpResult Problem(int status, string field, string message) =>
        TypedResults.Problem(
            title: message,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
