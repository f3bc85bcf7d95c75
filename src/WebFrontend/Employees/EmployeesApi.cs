using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Plans;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Plans;
using Conversations.WebFrontend.Roles;
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
        employees.MapPost("/", InviteAsync).RequirePermission(Permissions.EmployeesManage);
        employees.MapGet("/", ListAsync).RequirePermission(Permissions.EmployeesRead);
        employees.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.EmployeesRead);
        employees.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.EmployeesManage);
        employees.MapDelete("/{id:guid}", DeactivateAsync).RequirePermission(Permissions.EmployeesManage);
        return app;
    }

    public sealed record InviteRequest(string? Email, string? Role, string? DisplayName);

    public sealed record UpdateRequest(string? DisplayName, string? Role);

    /// <summary>Invites an employee by e-mail with a role; they get an invitation link and appear as invited until they accept.</summary>
    internal static async Task<Results<Created<EmployeeProfile>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        InviteRequest? request,
        ClaimsPrincipal user,
        EmployeeInvitations invitations,
        BusinessProvisioning businesses,
        AccountEmails emails,
        PlanLimits limits,
        RolePermissions roles,
        RoleStore roleStore,
        EmployeeAccess access,
        TimeProvider time,
        ILoggerFactory logs,
        ActivityRecorder activity,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddresses.IsValid(request?.Email))
        {
            errors["email"] = ["A valid e-mail address is required."];
        }

        var businessId = user.GetBusinessId();
        var grant = request?.Role is { } requested ? await roles.CurrentAsync(businessId, requested, cancellationToken) : null;
        if (grant is null)
        {
            errors["role"] = [await UnknownRoleAsync(roleStore, businessId, cancellationToken)];
        }

        if (request?.DisplayName is not null && AccountFields.DisplayNameError(request.DisplayName) is { } nameError)
        {
            errors["displayName"] = [nameError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await MayNotGrantAsync(user, access, grant!, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        if (await limits.RefuseSeatAsync(businessId, cancellationToken) is { } full)
        {
            return PlanProblems.LimitReached(full);
        }

        var email = request!.Email!;
        var displayName = request.DisplayName?.Trim() ?? email[..email.IndexOf('@', StringComparison.Ordinal)];
        var outcome = await invitations.InviteAsync(businessId, email, displayName, request.Role!, time.GetUtcNow(), cancellationToken);
        if (outcome.Invitation is not { } invitation)
        {
            return outcome.Refusal == InvitationRefusal.UnknownRole
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [await UnknownRoleAsync(roleStore, businessId, cancellationToken)] })
                : Conflict("email", "An account with this e-mail address already exists.");
        }

        var businessName = await businesses.FindNameAsync(businessId, cancellationToken) ?? "your team";
        await emails.SendInvitationAsync(email, businessName, invitation.Employee.Role, invitation.Token, cancellationToken);
        AccountsLog.Invited(logs.CreateLogger(AccountsLog.Category), user.GetEmployeeId(), invitation.Employee.Id, businessId);
        await limits.NoteSeatsAsync(businessId, cancellationToken);
        await activity.RecordAsync(ActivityActions.EmployeeInvited, "employee", invitation.Employee.Id, new { role = invitation.Employee.Role });
        return TypedResults.Created($"/api/employees/{invitation.Employee.Id}", invitation.Employee);
    }

    /// <summary>The business's employees with their roles and status.</summary>
    internal static async Task<Ok<IReadOnlyList<EmployeeProfile>>> ListAsync(
        ClaimsPrincipal user, EmployeeDirectory employees, CancellationToken cancellationToken) =>
        TypedResults.Ok(await employees.ListAsync(user.GetBusinessId(), cancellationToken));

    /// <summary>One employee of the business.</summary>
    internal static async Task<Results<Ok<EmployeeProfile>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, EmployeeDirectory employees, CancellationToken cancellationToken) =>
        await employees.GetAsync(user.GetBusinessId(), id, cancellationToken) is { } employee
            ? TypedResults.Ok(employee)
            : NotFound();

    /// <summary>
    /// Renames and/or changes the role. A role change takes effect at once: the employee's tokens carrying
    /// the old role are refused, and their next refresh carries the new one.
    /// </summary>
    internal static async Task<Results<Ok<EmployeeProfile>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id,
        UpdateRequest? request,
        ClaimsPrincipal user,
        EmployeeDirectory employees,
        IGrainFactory grains,
        RolePermissions roles,
        RoleStore roleStore,
        EmployeeAccess access,
        TimeProvider time,
        ILoggerFactory logs,
        ActivityRecorder activity,
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

        var businessId = user.GetBusinessId();
        var grant = request?.Role is { } requested ? await roles.CurrentAsync(businessId, requested, cancellationToken) : null;
        if (request?.Role is not null && grant is null)
        {
            errors["role"] = [await UnknownRoleAsync(roleStore, businessId, cancellationToken)];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var target = await employees.GetAsync(businessId, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        if (request!.Role is { } role && role != target.Role)
        {
            if ((await MayNotGrantAsync(user, access, grant!, cancellationToken)
                    ?? await MayNotManageAsync(user, access, roles, target, cancellationToken)) is { } forbidden)
            {
                return forbidden;
            }

            switch (await grains.GetGrain<IEmployeeGrain>(id).ChangeRoleAsync(businessId, role))
            {
                case EmployeeChangeResult.NotFound:
                    return NotFound();
                case EmployeeChangeResult.LastOwner:
                    return Conflict("role", "The business's last owner cannot be demoted; make someone else owner first.");
                case EmployeeChangeResult.UnknownRole:
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [await UnknownRoleAsync(roleStore, businessId, cancellationToken)] });
            }

            AccountsLog.RoleChanged(logs.CreateLogger(AccountsLog.Category), user.GetEmployeeId(), id, role);
            await activity.RecordAsync(ActivityActions.EmployeeRoleChanged, "employee", id, new { from = target.Role, to = role });
        }

        if (request.DisplayName is { } name && !await employees.RenameAsync(businessId, id, name.Trim(), time.GetUtcNow(), cancellationToken))
        {
            return NotFound();
        }

        return await employees.GetAsync(businessId, id, cancellationToken) is { } updated ? TypedResults.Ok(updated) : NotFound();
    }

    /// <summary>Deactivates the employee: every session and token of theirs stops working at once.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        Guid id,
        ClaimsPrincipal user,
        EmployeeDirectory employees,
        IGrainFactory grains,
        RolePermissions roles,
        EmployeeAccess access,
        ILoggerFactory logs,
        ActivityRecorder activity,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var target = await employees.GetAsync(businessId, id, cancellationToken);
        if (target is null)
        {
            return NotFound();
        }

        if (await MayNotManageAsync(user, access, roles, target, cancellationToken) is { } forbidden)
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
        await activity.RecordAsync(ActivityActions.EmployeeDeactivated, "employee", id);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Only an owner may make someone an owner, and nobody gives a role granting more than their own: ownership
    /// cannot be taken, and a permission cannot be handed on by someone who lacks it.
    /// </summary>
    private static async Task<ProblemHttpResult?> MayNotGrantAsync(
        ClaimsPrincipal user, EmployeeAccess access, RoleGrant role, CancellationToken cancellationToken)
    {
        if (role.Name == EmployeeRoles.Owner && user.GetRole() != EmployeeRoles.Owner)
        {
            return Forbidden("role", "Only an owner can grant the owner role.");
        }

        return await Beyond(user, access, role, cancellationToken) is { Count: > 0 } beyond
            ? Forbidden("role", $"This role grants {string.Join(", ", beyond)}, which your role does not.")
            : null;
    }

    /// <summary>Only an owner may change or deactivate an owner; nobody changes someone whose role grants more than their own.</summary>
    private static async Task<ProblemHttpResult?> MayNotManageAsync(
        ClaimsPrincipal user, EmployeeAccess access, RolePermissions roles, EmployeeProfile target, CancellationToken cancellationToken)
    {
        if (target.Role == EmployeeRoles.Owner && user.GetRole() != EmployeeRoles.Owner)
        {
            return Forbidden("id", "Only an owner can change or deactivate an owner.");
        }

        return await roles.FindAsync(target.BusinessId, target.Role, cancellationToken) is { } role
            && await Beyond(user, access, role, cancellationToken) is { Count: > 0 } beyond
                ? Forbidden("id", $"This employee's role grants {string.Join(", ", beyond)}, which your role does not.")
                : null;
    }

    private static async Task<IReadOnlyList<string>> Beyond(ClaimsPrincipal user, EmployeeAccess access, RoleGrant role, CancellationToken cancellationToken)
    {
        var own = await access.PermissionsOfAsync(user, cancellationToken);
        return RoleStore.Ordered(role.Permissions.Where(p => !own.Contains(p)));
    }

    private static async Task<string> UnknownRoleAsync(RoleStore roles, Guid businessId, CancellationToken cancellationToken) =>
        $"The role must be one of: {string.Join(", ", (await roles.ListAsync(businessId, cancellationToken)).Select(r => r.Name))}.";

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
