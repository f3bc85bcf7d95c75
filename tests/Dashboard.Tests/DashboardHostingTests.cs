using System.Net;
using System.Net.Http.Json;

namespace Conversations.Dashboard.Tests;

/// <summary>How WebFrontend serves the app next to the API (Dashboard/DashboardHosting.cs).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardHostingTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/inbox/0195f0c2-8a3b-7cc1-9d7e-1f2a3b4c5d6e")]
    [InlineData("/accept-invitation?token=abc")]
    public async Task Page_paths_get_the_app_with_a_strict_content_security_policy(string path)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\"></div>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundles_are_served_anonymously_and_cached_for_good()
    {
        var index = await fixture.Http.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(index, "/assets/[^\"]+\\.js").Value;

        using var response = await fixture.Http.GetAsync(script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/hubs/no-such-hub")]
    public async Task Unknown_api_and_hub_routes_are_404_problems_not_the_app(string path)
    {
        var owner = await fixture.SignUpAsync("Routes Ltd");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", await fixture.AccessTokenAsync(owner));

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_asset_is_a_404_not_the_app()
    {
        using var response = await fixture.Http.GetAsync("/assets/missing-0000.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_less_refresh_with_the_cookie_still_reaches_the_api()
    {
        var owner = await fixture.SignUpAsync("Cookie Jar");
        using var login = await fixture.Http.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = owner.Password });
        var refreshToken = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("refreshToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Add("Cookie", $"conversations_refresh={refreshToken}");

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
