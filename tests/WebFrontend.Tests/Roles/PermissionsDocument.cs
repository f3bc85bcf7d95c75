using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Platform;
using Conversations.WebFrontend.Realtime;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Tests.Isolation;
using Microsoft.AspNetCore.Authorization;

namespace Conversations.WebFrontend.Tests.Roles;

/// <summary>
/// Writes <c>docs/PERMISSIONS.md</c> from the code: the permissions, the system roles, and which routes and hub
/// methods each permission opens, read from the running app's endpoints.
/// </summary>
public static class PermissionsDocument
{
    public const string RelativePath = "docs/PERMISSIONS.md";

    /// <summary>The permissions a handler checks beyond its route's, and where.</summary>
    private static readonly FrozenDictionary<string, string> CheckedInHandlers = new Dictionary<string, string>
    {
        [Permissions.ConversationsSupervise] = "in handlers: releasing, assigning or transferring a conversation a colleague holds; deleting a colleague's note or upload",
        [Permissions.AssistantManage] = "in handlers: the `ai` section of `PATCH /api/settings`",
        [Permissions.ServicesManage] = "in handlers: `general.businessHours` in `PATCH /api/settings`",
        [Permissions.CalendarBusiness] = "in handlers: the business's feed in `GET /api/calendar/feeds` and `POST /api/calendar/feeds/business/rotate`",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Render(IServiceProvider services)
    {
        var routes = AppRoutes.Of(services)
            .Select(r => (Key: r.Key, Policies: AppRoutes.PoliciesOf(r.Value), Anonymous: AppRoutes.IsAnonymous(r.Value)))
            .OrderBy(r => r.Key.Split(' ')[1], StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# Permissions");
        Line();
        Line("Generated from the code by `PermissionsDocumentTests` (`tests/WebFrontend.Tests/Roles/`); do not edit by hand. After");
        Line("changing a permission, a system role or a route, run");
        Line("`CONVERSATIONS_WRITE_DOCS=1 dotnet test tests/WebFrontend.Tests --filter PermissionsDocumentTests` to write it again.");
        Line();
        Line("A role is a named set of permissions. Every business has the four system roles below (defined in");
        Line("`src/Infrastructure/Roles/SystemRoles.cs`, the same everywhere, never edited through the API) and may build");
        Line("its own from the same list with `/api/roles`. Every route requires one permission (or is public, the");
        Line("caller's own account, or the platform's); a role without it gets 403 naming `permission`. Besides:");
        Line();
        Line("- Only an owner makes someone an owner or changes or deactivates an owner; the last active owner cannot be");
        Line("  demoted or deactivated (409 naming `role`).");
        Line("- Nobody gives what they do not have: a role may be granted, created, changed or deleted only by someone whose");
        Line("  own role holds every permission involved (403 naming `role` or `permissions`).");
        Line("- `conversations.supervise` lets a handler act on a colleague's conversation (release, reassign) and delete");
        Line("  anyone's note or uploaded file; `calendar.business` decides whether the calendar routes show and rotate the business's feed.");
        Line("- A change of a business's own role counts a new version: its holders' tokens of the old version are refused at");
        Line("  once and the next refresh carries the new permissions. System roles change only with the code.");
        Line();
        Line("## Roles and their permissions");
        Line();
        Line($"| permission | allows | {string.Join(" | ", SystemRoles.All.Select(r => r.Name))} |");
        Line($"| --- | --- | {string.Join(" | ", SystemRoles.All.Select(_ => ":-:"))} |");
        foreach (var permission in Permissions.All)
        {
            Line($"| `{permission.Name}` | {permission.Description} | {string.Join(" | ", SystemRoles.All.Select(r => r.Permissions.Contains(permission.Name) ? "✓" : ""))} |");
        }

        Line();
        foreach (var role in SystemRoles.All)
        {
            Line($"- **{role.Name}**: {role.Description}");
        }

        Line();
        Line("## Routes by permission");
        Line();
        Line("| permission | routes |");
        Line("| --- | --- |");
        foreach (var permission in Permissions.All)
        {
            var opened = routes.Where(r => r.Policies.Contains(Permission.For(permission.Name))).Select(r => $"`{r.Key}`").ToList();
            var methods = HubMethods().Where(m => m.Policy == Permission.For(permission.Name)).Select(m => $"hub `{m.Name}`");
            var inHandlers = CheckedInHandlers.TryGetValue(permission.Name, out var where) ? [where] : Array.Empty<string>();
            Line($"| `{permission.Name}` | {string.Join(", ", opened.Concat(methods).Concat(inHandlers).DefaultIfEmpty("—"))} |");
        }

        Line();
        Line("## Every employee, on their own account");
        Line();
        Line("Viewers included: these act on the caller alone (a session id, a notification of someone else's is not found).");
        Line();
        Line(string.Join(", ", routes.Where(r => r.Policies.SequenceEqual([Permission.OwnAccount]) && !r.Key.Contains("/hubs/", StringComparison.Ordinal)).Select(r => $"`{r.Key}`")));
        Line();
        Line("## The hub");
        Line();
        Line("`/hubs/conversations` takes any employee's token. A connection joins its employee's group (notifications) and,");
        Line("when the role grants `conversations.read`, its business's group (every live event of the business's");
        Line("conversations); both come from the token, and no method names a group. Methods:");
        Line();
        foreach (var method in HubMethods())
        {
            Line($"- `{method.Name}`: {(method.Policy == Permission.OwnAccount ? "own account" : $"`{Permission.Of(method.Policy)}`")}");
        }

        Line();
        Line("## Public and platform routes");
        Line();
        Line("Public (no token: webhooks signed by their provider, sign-up, login and the e-mailed-token steps, health, calendar");
        Line("feeds whose secret URL is the credential):");
        Line();
        Line(string.Join(", ", routes.Where(r => r.Anonymous).Select(r => $"`{r.Key}`")));
        Line();
        Line("The platform's administrators, with tokens of their own scheme (an employee's token is refused):");
        Line();
        Line(string.Join(", ", routes.Where(r => r.Policies.Contains(PlatformAuth.Policy)).Select(r => $"`{r.Key}`")));
        Line();
        Line("The Orleans dashboard (the Microsoft.Orleans.Dashboard package's page and data), for the platform's administrators");
        Line("only, by bearer token or the cookie `POST /api/platform/orleans-dashboard/session` sets (an employee's token gets 403):");
        Line();
        Line(string.Join(", ", routes.Where(r => r.Policies.Contains(OrleansDashboardAccess.Policy)).Select(r => $"`{r.Key}`")));
        return text.ToString();
    }

    /// <summary>The repository's copy of the document, found from the test's output folder upwards.</summary>
    public static string PathInRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Conversations.sln")))
            {
                return Path.Combine(folder.FullName, RelativePath);
            }
        }

        throw new InvalidOperationException("The repository (Conversations.sln) is not above the test's folder.");
    }

    private static IEnumerable<(string Name, string Policy)> HubMethods()
    {
        var hubPolicy = typeof(ConversationsHub).GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? "";
        return typeof(ConversationsHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType == typeof(ConversationsHub) && !m.IsSpecialName)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => (m.Name, m.GetCustomAttribute<AuthorizeAttribute>()?.Policy ?? hubPolicy));
    }
}
