using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Infrastructure.Platform;
using Conversations.WebFrontend.Platform;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Conversations.WebFrontend.Tests.Platform;

/// <summary>The Orleans dashboard, mounted in the frontend for platform administrators only.</summary>
[Collection(AppCollection.Name)]
public sealed class OrleansDashboardTests(AppFixture fixture)
{
    private const string Page = OrleansDashboardAccess.Path + "/";

    [Fact]
    public async Task Anonymous_callers_get_401_and_employees_even_owners_get_403()
    {
        using var anonymous = fixture.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/platform/orleans-dashboard/session", null)).StatusCode);

        var tenant = await fixture.App.CreateTenantAsync("Dashboard Outsiders");
        using var owner = await fixture.App.ClientOfAsync(tenant);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync(Page)).StatusCode);
        Assert.Contains((await owner.PostAsync("/api/platform/orleans-dashboard/session", null)).StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        // An owner's token in the cookie is not a platform token either.
        using var cookie = new HttpRequestMessage(HttpMethod.Get, Page);
        cookie.Headers.Add("Cookie", $"{OrleansDashboardAccess.CookieName}={await fixture.App.LoginAsync(tenant)}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(cookie)).StatusCode);
    }

    [Fact]
    public async Task A_platform_administrator_sees_the_dashboard_with_a_bearer_token_or_the_cookie_the_session_route_sets()
    {
        var admin = await PlatformClientAsync();
        using (var page = await admin.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Orleans", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using (var counters = await admin.GetAsync(OrleansDashboardAccess.Path + "/DashboardCounters"))
        {
            Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
            Assert.Contains("activation", await counters.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        using var session = await admin.PostAsync("/api/platform/orleans-dashboard/session", null);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal(Page, (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString());
        var setCookie = Assert.Single(session.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(OrleansDashboardAccess.CookieName + "=", setCookie, StringComparison.Ordinal);
        foreach (var attribute in new[] { "path=/orleans-dashboard", "httponly", "secure", "samesite=strict" })
        {
            Assert.Contains(attribute, setCookie, StringComparison.OrdinalIgnoreCase);
        }

        // A browser navigating to the page sends the cookie and no Authorization header.
        using var browser = fixture.App.CreateClient();
        using var navigation = new HttpRequestMessage(HttpMethod.Get, Page);
        navigation.Headers.Add("Cookie", setCookie.Split(';')[0]);
        using var navigated = await browser.SendAsync(navigation);
        Assert.Equal(HttpStatusCode.OK, navigated.StatusCode);
        Assert.Contains("Orleans", await navigated.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_frontend_that_is_a_client_of_separate_silos_shows_the_silos_grains()
    {
        // The fixture's app co-hosts the silo; this one joins its cluster as a client only, as frontends do in front of separate silos.
        await using var frontend = new ConversationsApp(
            fixture.Database.ConnectionString, fixture.App.ClusterId, new Dictionary<string, string> { ["Conversations:Frontend:Mode"] = "Client" });
        var admin = await PlatformClientAsync(frontend);
        Assert.Null(frontend.Services.GetService<ILocalSiloDetails>());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);

        using var counters = await admin.GetAsync(OrleansDashboardAccess.Path + "/DashboardCounters");
        var body = await counters.Content.ReadAsStringAsync();
        Assert.True(counters.StatusCode == HttpStatusCode.OK, $"{(int)counters.StatusCode}: {body}");
        Assert.Equal("application/json", counters.Content.Headers.ContentType?.MediaType);
        Assert.Contains("activation", body, StringComparison.OrdinalIgnoreCase);
    }

    private Task<HttpClient> PlatformClientAsync() => PlatformClientAsync(fixture.App);

    private static async Task<HttpClient> PlatformClientAsync(ConversationsApp app)
    {
        var email = $"ops-{Guid.NewGuid():N}@platform.test";
        await app.Service<PlatformAdmins>().EnsureAsync(email, "Ops", "a long platform password", CancellationToken.None);
        var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/platform/login", new { email, password = "a long platform password" });
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }
}
