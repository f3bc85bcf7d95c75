using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Services;

[Collection(RecordsCollection.Name)]
public sealed class ServicesApiTests(RecordsFixture fixture)
{
    [Fact]
    public async Task Owner_creates_reads_lists_updates_and_deletes_a_service_with_staff_and_hours()
    {
        var (tenant, owner) = await fixture.NewTenantAsync();
        var staff = await fixture.AddStaffAsync(tenant, "Bea");

        using var created = await owner.PostAsJsonAsync("/api/services", new
        {
            name = "Tarot, full reading",
            description = "Ninety minutes.",
            priceMinor = 9000,
            currency = "eur",
            durationMinutes = 90,
            bufferMinutes = 15,
            employeeIds = new[] { staff },
            weeklyHours = new[] { new { weekday = "monday", opens = "09:00", closes = "13:00" }, new { weekday = "monday", opens = "16:00", closes = "20:00" } },
            exceptions = new[] { new { date = "2027-12-25", reason = "Christmas" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var service = await created.BodyAsync();
        var id = service.GetProperty("id").GetGuid();
        Assert.Equal($"/api/services/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("EUR", service.GetProperty("currency").GetString());
        Assert.Equal(15, service.GetProperty("bufferMinutes").GetInt32());
        Assert.Equal([staff], service.GetProperty("employeeIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(["09:00-13:00", "16:00-20:00"], service.GetProperty("weeklyHours").EnumerateArray().Select(h => $"{h.GetProperty("opens")}-{h.GetProperty("closes")}"));
        Assert.Equal("2027-12-25", service.GetProperty("exceptions")[0].GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, service.GetProperty("exceptions")[0].GetProperty("opens").ValueKind);

        var list = await (await owner.GetAsync("/api/services")).BodyAsync();
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal(2, list.GetArrayLength()); // and the seed's "Reading"

        using var patched = await owner.PatchAsJsonAsync($"/api/services/{id}", new { priceMinor = 9500, isActive = false, employeeIds = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var updated = await patched.BodyAsync();
        Assert.Equal((9500, false, 0, 2), (updated.GetProperty("priceMinor").GetInt32(), updated.GetProperty("isActive").GetBoolean(),
            updated.GetProperty("employeeIds").GetArrayLength(), updated.GetProperty("weeklyHours").GetArrayLength()));
        Assert.Equal("Tarot, full reading", (await (await owner.GetAsync($"/api/services/{id}")).BodyAsync()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/services/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/services/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("name", """{"priceMinor":100,"currency":"EUR","durationMinutes":30}""")]
    [InlineData("priceMinor", """{"name":"A","priceMinor":-1,"currency":"EUR","durationMinutes":30}""")]
    [InlineData("currency", """{"name":"A","priceMinor":100,"currency":"euro","durationMinutes":30}""")]
    [InlineData("durationMinutes", """{"name":"A","priceMinor":100,"currency":"EUR","durationMinutes":0}""")]
    [InlineData("bufferMinutes", """{"name":"A","priceMinor":100,"currency":"EUR","durationMinutes":30,"bufferMinutes":-5}""")]
    [InlineData("employeeIds", """{"name":"A","priceMinor":100,"currency":"EUR","durationMinutes":30,"employeeIds":["5b1f1a4e-8f1a-4c1e-9a55-000000000001"]}""")]
    [InlineData("weeklyHours[0].weekday", """{"name":"A","priceMinor":100,"currency":"EUR","durationMinutes":30,"weeklyHours":[{"weekday":"funday","opens":"09:00","closes":"10:00"}]}""")]
    [InlineData("weeklyHours[0].closes", """{"name":"A","priceMinor":100,"currency":"EUR","durationMinutes":30,"weeklyHours":[{"weekday":"monday","opens":"10:00","closes":"09:00"}]}""")]
    [InlineData("exceptions[0].date", """{"name":"A","priceMinor":100,"currency":"EUR","durationMinutes":30,"exceptions":[{"date":"25/12/2027"}]}""")]
    public async Task Invalid_service_is_refused_naming_the_field(string field, string json)
    {
        var (_, owner) = await fixture.NewTenantAsync();
        using var response = await owner.PostAsync("/api/services", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_booked_service_cannot_be_deleted_and_business_hours_round_trip()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        var service = await RecordsFixture.CreateServiceAsync(owner);
        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        using var booked = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(DateTimeOffset.UtcNow.AddDays(3)) });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        await (await owner.DeleteAsync($"/api/services/{service}")).AssertProblemAsync(HttpStatusCode.Conflict, "id");

        using var hours = await owner.PutAsJsonAsync("/api/availability/hours", new
        {
            weeklyHours = new[] { new { weekday = "tuesday", opens = "10:00", closes = "18:00" } },
            exceptions = new[] { new { date = "2027-01-06", opens = "10:00", closes = "14:00", reason = "Epiphany" } },
        });
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        var read = await (await owner.GetAsync("/api/availability/hours")).BodyAsync();
        Assert.Equal("tuesday", read.GetProperty("weeklyHours")[0].GetProperty("weekday").GetString());
        Assert.Equal("14:00", read.GetProperty("exceptions")[0].GetProperty("closes").GetString());

        await (await owner.PutAsJsonAsync("/api/availability/hours", new { weeklyHours = new[] { new { weekday = "tuesday", opens = "25:00", closes = "18:00" } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "weeklyHours[0].opens");
    }
}
