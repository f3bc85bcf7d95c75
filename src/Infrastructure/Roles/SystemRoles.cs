using System.Collections.Frozen;
using Conversations.Infrastructure.Accounts;
using static Conversations.Infrastructure.Roles.Permissions;

namespace Conversations.Infrastructure.Roles;

/// <summary>
/// The four roles every business has. Their permissions are defined here, not in the database: start-up copies
/// them into <c>roles</c> (<see cref="SystemRolesSync"/>) for lists and joins, and permission checks read them
/// from here, so a permission added in code reaches the system roles with the deployment that adds it.
/// </summary>
public static class SystemRoles
{
    public static SystemRole Owner { get; } = new(
        new Guid("00000000-0000-0000-0000-000000000001"), EmployeeRoles.Owner,
        "Everything, including the plan and billing, the security settings, and making or changing owners.",
        Permissions.Names);

    /// <summary>
    /// Everything but the plan (<c>billing.manage</c>) and the team-wide two-factor requirement
    /// (<c>security.manage</c>), which stay the owners' decisions as they were before roles had permissions; nor can an
    /// admin make, change or deactivate an owner.
    /// </summary>
    public static SystemRole Admin { get; } = new(
        new Guid("00000000-0000-0000-0000-000000000002"), EmployeeRoles.Admin,
        "Everything but the plan and billing, the security settings and ownership.",
        Permissions.Names.Except([BillingManage, SecurityManage]).ToFrozenSet(StringComparer.Ordinal));

    public static SystemRole Agent { get; } = new(
        new Guid("00000000-0000-0000-0000-000000000003"), EmployeeRoles.Agent,
        "Works conversations, customers and bookings; reads the rest but the business's reports (revenue, colleagues' performance).",
        Set(
            ConversationsRead, ConversationsReply, ConversationsHandle, NotesWrite, CannedResponsesWrite,
            CustomersRead, CustomersWrite, BookingsRead, BookingsWrite,
            KnowledgeRead, TemplatesRead, AssistantRead, SettingsRead, EmployeesRead, RatingsRead, ActivityRead, MacrosRun));

    public static SystemRole Viewer { get; } = new(
        new Guid("00000000-0000-0000-0000-000000000004"), EmployeeRoles.Viewer,
        "Reads what agents read; changes nothing but their own account.",
        Set(
            ConversationsRead, CustomersRead, BookingsRead, KnowledgeRead, TemplatesRead, AssistantRead, SettingsRead,
            EmployeesRead, RatingsRead, ActivityRead));

    public static IReadOnlyList<SystemRole> All { get; } = [Owner, Admin, Agent, Viewer];

    /// <summary>The system role of this name (exactly as stored), or <c>null</c>.</summary>
    public static SystemRole? Find(string? name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Whether a custom role may not take this name: the system roles' names are everyone's.</summary>
    public static bool IsReserved(string name) => All.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static FrozenSet<string> Set(params string[] permissions) => permissions.ToFrozenSet(StringComparer.Ordinal);
}
