using System.Net;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Platform;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>
/// The isolation matrix, generated from the running app's routes: every route is classified in
/// <see cref="RouteTable"/>; another business's owner gets 404 for each of A's resources and never sees one of them
/// in a list; a viewer of A is refused every write but their own account's.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class IsolationMatrixTests(IsolationFixture fixture)
{
    private TenantWorld World => fixture.World;

    [Fact]
    public void Every_route_of_the_app_is_classified_and_the_table_names_none_that_is_gone()
    {
        var routes = AppRoutes.Of(fixture.App.Services);

        var unclassified = routes.Keys.Except(RouteTable.Routes.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(unclassified.Count == 0,
            $"Classify these routes in tests/WebFrontend.Tests/Isolation/RouteTable.cs (who may call them, and how to aim them at another business):\n{string.Join("\n", unclassified)}");
        var gone = RouteTable.Routes.Keys.Except(routes.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(gone.Count == 0, $"RouteTable.cs names routes the app no longer has:\n{string.Join("\n", gone)}");
    }

    [Fact]
    public void Every_route_states_the_policy_its_classification_says()
    {
        var wrong = new List<string>();
        foreach (var (key, endpoint) in AppRoutes.Of(fixture.App.Services))
        {
            if (!RouteTable.Routes.TryGetValue(key, out var route))
            {
                continue;
            }

            var policies = AppRoutes.PoliciesOf(endpoint);
            var expected = route.Access switch
            {
                RouteAccess.Anonymous => AppRoutes.IsAnonymous(endpoint) ? policies : ["AllowAnonymous"],
                RouteAccess.Platform => [PlatformAuth.Policy],
                RouteAccess.OrleansDashboard => [OrleansDashboardAccess.Policy],
                RouteAccess.OwnAccount or RouteAccess.Hub => [Permission.OwnAccount],
                _ => [Permission.For(route.Permission!)],
            };
            if (!expected.SequenceEqual(policies) || (route.Access != RouteAccess.Anonymous && AppRoutes.IsAnonymous(endpoint)))
            {
                wrong.Add($"{key}: the table says [{string.Join(", ", expected)}], the endpoint has [{string.Join(", ", policies)}]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Writes_need_a_permission_viewers_lack_but_for_the_listed_own_account_routes_and_previews()
    {
        Assert.Equal(
        [
            "DELETE /api/auth/sessions/{id:guid}",
            "POST /api/auth/2fa/disable",
            "POST /api/auth/2fa/enable",
            "POST /api/auth/2fa/recovery-codes",
            "POST /api/auth/2fa/setup",
            "POST /api/auth/change-password",
            "POST /api/auth/logout",
            "POST /api/auth/logout-all",
            "POST /api/auth/resend-verification",
            "POST /api/notifications/read-all",
            "POST /api/notifications/subscribe",
            "POST /api/notifications/unsubscribe",
            "POST /api/notifications/{id:guid}/read",
            "POST /api/templates/{id:guid}/test",
        ],
        RouteTable.ViewerWrites);

        // The rotate route is a reader's for their own feed; the business's feed, which the probe rotates, is checked in the handler.
        var granted = RouteTable.Routes
            .Where(r => RouteTable.IsWrite(r.Key) && r.Value.Access == RouteAccess.Permission && !r.Value.ChangesNothing)
            .Where(r => SystemRoles.Viewer.Permissions.Contains(r.Value.Permission!) && r.Key != "POST /api/calendar/feeds/{kind}/rotate")
            .Select(r => r.Key);
        Assert.Empty(granted);
    }

    [Fact]
    public async Task Another_business_gets_404_for_every_resource_of_ours_and_sees_nothing_of_ours_anywhere()
    {
        using var b = fixture.Client(World.OtherOwner.AccessToken);
        var failures = new List<string>();
        var probed = 0;
        foreach (var (key, route) in RouteTable.Routes.Where(r => r.Value.CrossTenant != CrossTenant.Skip).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            probed++;
            using var response = await SendAsync(b, key, route.Request!(World));
            var status = response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var leaked = World.Secrets.Where(secret => body.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            var ok = route.CrossTenant switch
            {
                CrossTenant.NotFound => status == HttpStatusCode.NotFound,
                CrossTenant.Refused => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                _ => status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.InternalServerError),
            };
            if (!ok || leaked.Count > 0)
            {
                failures.Add($"{key} ({route.CrossTenant}) answered {(int)status}{(leaked.Count > 0 ? $" with A's {string.Join(", ", leaked)}" : "")}: {Shorten(body)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(probed >= 100, $"Only {probed} routes were probed.");

        // And A's resources are as A left them.
        using var a = fixture.Client(World.Owner.AccessToken);
        Assert.Equal("pending", (await (await a.GetAsync($"/api/bookings/{World.BookingId}")).BodyAsync()).GetProperty("status").GetString());
        Assert.Contains(World.Marker, (await (await a.GetAsync($"/api/customers/{World.CustomerId}")).BodyAsync()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/roles/{World.RoleId}")).StatusCode);
        Assert.Equal("active", (await (await a.GetAsync($"/api/employees/{World.ViewerId}")).BodyAsync()).GetProperty("status").GetString());
        Assert.Equal("open", (await (await a.GetAsync($"/api/conversations/{World.ConversationId}")).BodyAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, await new AccountsClient(fixture.App).ProbeAsync(World.Owner.AccessToken));
    }

    [Fact]
    public async Task A_viewer_is_refused_every_write_but_their_own_accounts_and_reads_what_the_role_grants()
    {
        using var viewer = fixture.Client(World.Viewer.AccessToken);
        var failures = new List<string>();
        foreach (var (key, route) in RouteTable.Routes.Where(r => r.Value.Access == RouteAccess.Permission).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var refused = RouteTable.IsWrite(key) && !route.ChangesNothing || !SystemRoles.Viewer.Permissions.Contains(route.Permission!);
            using var response = await SendAsync(viewer, key, route.Request!(World));
            if ((response.StatusCode == HttpStatusCode.Forbidden) != refused)
            {
                failures.Add($"{key} ({route.Permission}) answered {(int)response.StatusCode}, expected {(refused ? "403" : "anything but 403")}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, await new AccountsClient(fixture.App).ProbeAsync(World.Viewer.AccessToken));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, RouteRequest request)
    {
        var method = key.Split(' ')[0];
        using var message = new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), request.Path) { Content = request.Content() };
        return await client.SendAsync(message);
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
