using Conversations.Infrastructure.Accounts;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authorization;

namespace Conversations.WebFrontend.Employees;

/// <summary>Who may manage a business's team: its owners and admins.</summary>
public static class EmployeePolicies
{
    public const string Manage = "employees.manage";

    public static AuthorizationBuilder AddEmployeePolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Manage, policy => policy
            .RequireClaim(ConversationsClaims.BusinessId)
            .RequireRole(EmployeeRoles.Owner, EmployeeRoles.Admin));
}
