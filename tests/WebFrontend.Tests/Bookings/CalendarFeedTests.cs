using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests.Bookings;

[Collection(RecordsCollection.Name)]
public sealed class CalendarFeedTests(RecordsFixture fixture)
{
    [Fact]
    public async Task Business_and_employee_feeds_are_ics_that_ical_net_parses_with_the_live_bookings_and_rotation_revokes_the_old_url()
    {
        var (_, owner) = await fixture.NewTenantAsync("Europe/Madrid");
        var ownerId = (await (await owner.GetAsync("/api/employees")).BodyAsync())[0].GetProperty("id").GetGuid();
        var service = await RecordsFixture.CreateServiceAsync(owner);
        var customer = await RecordsFixture.CreateCustomerAsync(owner, "Ana");
        var first = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

        async Task<Guid> BookAsync(DateTimeOffset start, Guid? staffId = null)
        {
            using var response = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, staffId, start = RecordsFixture.At(start) });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.BodyAsync()).GetProperty("id").GetGuid();
        }

        var businessBooking = await BookAsync(first);
        var ownersBooking = await BookAsync(first.AddHours(3), ownerId);
        var cancelled = await BookAsync(first.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"/api/bookings/{cancelled}")).StatusCode);

        var feeds = (await (await owner.GetAsync("/api/calendar/feeds")).BodyAsync()).EnumerateArray().ToDictionary(f => f.GetProperty("kind").GetString()!, f => f.GetProperty("url").GetString()!);
        Assert.Equal(["business", "employee"], feeds.Keys.Order());
        Assert.Matches("/calendar/[A-Za-z0-9_-]{40,}\\.ics$", feeds["business"]);

        var anonymous = fixture.App.CreateClient();
        var business = await LoadAsync(anonymous, feeds["business"]);
        Assert.Equal(
            [($"{businessBooking:N}@conversations", first.UtcDateTime), ($"{ownersBooking:N}@conversations", first.AddHours(3).UtcDateTime)],
            business.Events.OrderBy(e => e.DtStart!.AsUtc).Select(e => (e.Uid, e.DtStart!.AsUtc)));
        Assert.All(business.Events, e => Assert.Contains("Ana", e.Summary, StringComparison.Ordinal));
        Assert.Equal(first.AddHours(1).UtcDateTime, business.Events.Single(e => e.Uid == $"{businessBooking:N}@conversations").DtEnd!.AsUtc);

        var mine = await LoadAsync(anonymous, feeds["employee"]);
        Assert.Equal([$"{ownersBooking:N}@conversations"], mine.Events.Select(e => e.Uid));

        // Revoking: the old URL is dead at once, the new one works; the listing shows the new one.
        using var rotated = await owner.PostAsync("/api/calendar/feeds/business/rotate", null);
        var newUrl = (await rotated.BodyAsync()).GetProperty("url").GetString()!;
        Assert.NotEqual(feeds["business"], newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(feeds["business"])).StatusCode);
        Assert.Equal(2, (await LoadAsync(anonymous, newUrl)).Events.Count);
        Assert.Contains((await (await owner.GetAsync("/api/calendar/feeds")).BodyAsync()).EnumerateArray(), f => f.GetProperty("url").GetString() == newUrl);

        await (await owner.PostAsync("/api/calendar/feeds/team/rotate", null)).AssertProblemAsync(HttpStatusCode.NotFound, "kind");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/calendar/feeds")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{new string('a', 43)}.ics")).StatusCode);
    }

    private static async Task<Ical.Net.Calendar> LoadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}
