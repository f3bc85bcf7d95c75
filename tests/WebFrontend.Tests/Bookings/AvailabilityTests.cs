using System.Net;
using System.Net.Http.Json;

namespace Conversations.WebFrontend.Tests.Bookings;

[Collection(RecordsCollection.Name)]
public sealed class AvailabilityTests(RecordsFixture fixture)
{
    private static readonly object[] SundayNight = [new { weekday = "sunday", opens = "01:00", closes = "04:00" }];

    private async Task<List<(string Start, string End)>> SlotsAsync(HttpClient owner, Guid service, string date)
    {
        using var response = await owner.GetAsync($"/api/availability?serviceId={service}&date={date}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        return body.GetProperty("slots").EnumerateArray().Select(s => (s.GetProperty("start").GetString()!, s.GetProperty("end").GetString()!)).ToList();
    }

    [Fact]
    public async Task Spring_forward_day_has_an_hour_less_and_slots_follow_the_real_clock()
    {
        var (_, owner) = await fixture.NewTenantAsync("Europe/Madrid");
        var service = await RecordsFixture.CreateServiceAsync(owner, duration: 60, hours: SundayNight);

        // 2027-03-28: at 02:00 CET the clocks go to 03:00 CEST. 01:00–04:00 local is two real hours.
        Assert.Equal(
            [("2027-03-28T01:00:00+01:00", "2027-03-28T03:00:00+02:00"), ("2027-03-28T03:00:00+02:00", "2027-03-28T04:00:00+02:00")],
            await SlotsAsync(owner, service, "2027-03-28"));

        // The week before, an ordinary Sunday: three slots.
        Assert.Equal(3, (await SlotsAsync(owner, service, "2027-03-21")).Count);
    }

    [Fact]
    public async Task Fall_back_day_has_an_hour_more_and_the_repeated_hour_is_offered_twice()
    {
        var (_, owner) = await fixture.NewTenantAsync("Europe/Madrid");
        var service = await RecordsFixture.CreateServiceAsync(owner, duration: 60, hours: SundayNight);

        // 2027-10-31: at 03:00 CEST the clocks go back to 02:00 CET.
        Assert.Equal(
            ["2027-10-31T01:00:00+02:00", "2027-10-31T02:00:00+02:00", "2027-10-31T02:00:00+01:00", "2027-10-31T03:00:00+01:00"],
            (await SlotsAsync(owner, service, "2027-10-31")).Select(s => s.Start));
    }

    [Fact]
    public async Task Slots_honour_duration_buffer_bookings_and_closed_dates()
    {
        var (_, owner) = await fixture.NewTenantAsync("Europe/Madrid");
        var service = await RecordsFixture.CreateServiceAsync(owner, duration: 45, buffer: 15);
        await owner.PutAsJsonAsync("/api/availability/hours", new
        {
            weeklyHours = new[] { new { weekday = "monday", opens = "09:00", closes = "12:00" } },
            exceptions = new[] { new { date = "2027-05-10", reason = "Holiday" } },
        });

        Assert.Equal(
            ["09:00", "10:00", "11:00"],
            (await SlotsAsync(owner, service, "2027-05-03")).Select(s => s.Start[11..16]));
        Assert.Equal("2027-05-03T09:45:00+02:00", (await SlotsAsync(owner, service, "2027-05-03"))[0].End);

        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = "2027-05-03T10:00:00+02:00" })).StatusCode);
        Assert.Equal(["09:00", "11:00"], (await SlotsAsync(owner, service, "2027-05-03")).Select(s => s.Start[11..16]));

        Assert.Empty(await SlotsAsync(owner, service, "2027-05-10"));
        Assert.Empty(await SlotsAsync(owner, service, "2027-05-04"));

        await (await owner.GetAsync($"/api/availability?serviceId={service}&date=03-05-2027")).AssertProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await owner.GetAsync("/api/availability?date=2027-05-03")).AssertProblemAsync(HttpStatusCode.BadRequest, "serviceId");
        await (await owner.GetAsync($"/api/availability?serviceId={Guid.NewGuid()}&date=2027-05-03")).AssertProblemAsync(HttpStatusCode.NotFound, "serviceId");
    }
}
