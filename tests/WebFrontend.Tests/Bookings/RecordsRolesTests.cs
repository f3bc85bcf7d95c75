using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Conversations.WebFrontend.Tests.Bookings;

[Collection(RecordsCollection.Name)]
public sealed class RecordsRolesTests(RecordsFixture fixture)
{
    private HttpClient ClientWith(string accessToken)
    {
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    [Fact]
    public async Task Agents_book_and_keep_customers_but_only_owners_and_admins_manage_services_hours_imports_erasure_and_the_business_feed()
    {
        var accounts = new AccountsClient(fixture.App);
        var ownerTokens = await accounts.NewOwnerAsync();
        var agentTokens = await accounts.NewEmployeeAsync(ownerTokens, "agent");
        using var owner = ClientWith(ownerTokens.AccessToken);
        using var agent = ClientWith(agentTokens.AccessToken);
        var service = await RecordsFixture.CreateServiceAsync(owner);

        var customer = await RecordsFixture.CreateCustomerAsync(agent, "Walk-in");
        Assert.Equal(HttpStatusCode.OK, (await agent.PatchAsJsonAsync($"/api/customers/{customer}", new { tags = new[] { "regular" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/services")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await agent.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = "2027-08-02T10:00:00Z" })).StatusCode);

        var forbidden = new (HttpMethod Method, string Path, HttpContent? Body)[]
        {
            (HttpMethod.Post, "/api/services", JsonContent.Create(new { name = "X", priceMinor = 1, currency = "EUR", durationMinutes = 30 })),
            (HttpMethod.Patch, $"/api/services/{service}", JsonContent.Create(new { priceMinor = 1 })),
            (HttpMethod.Delete, $"/api/services/{service}", null),
            (HttpMethod.Put, "/api/availability/hours", JsonContent.Create(new { weeklyHours = Array.Empty<object>() })),
            (HttpMethod.Delete, $"/api/customers/{customer}", null),
            (HttpMethod.Post, $"/api/customers/{customer}/erase", null),
            (HttpMethod.Get, $"/api/customers/{customer}/export", null),
            (HttpMethod.Get, "/api/customers/export", null),
            (HttpMethod.Post, "/api/customers/import?mode=per-row", new StringContent("name\nA\n", Encoding.UTF8, "text/csv")),
            (HttpMethod.Post, "/api/calendar/feeds/business/rotate", null),
        };
        foreach (var (method, path, body) in forbidden)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            using var response = await agent.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {response.StatusCode}");
        }

        var feeds = await (await agent.GetAsync("/api/calendar/feeds")).BodyAsync();
        Assert.Equal(["employee"], feeds.EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/api/calendar/feeds/employee/rotate", null)).StatusCode);
    }
}
