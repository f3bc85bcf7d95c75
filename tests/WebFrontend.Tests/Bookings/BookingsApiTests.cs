using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests.Bookings;

[Collection(RecordsCollection.Name)]
public sealed class BookingsApiTests(RecordsFixture fixture)
{
    [Fact]
    public async Task Booking_goes_pending_confirmed_completed_in_the_business_time_zone_with_its_history()
    {
        var (_, owner) = await fixture.NewTenantAsync("Europe/Madrid");
        var service = await RecordsFixture.CreateServiceAsync(owner, duration: 45, buffer: 15);
        var customer = await RecordsFixture.CreateCustomerAsync(owner, "Ana");
        var start = new DateTimeOffset(2027, 7, 5, 8, 0, 0, TimeSpan.Zero); // 10:00 in Madrid (CEST)

        using var created = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start), notes = "First visit" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.BodyAsync();
        var id = booking.GetProperty("id").GetGuid();
        Assert.Equal("2027-07-05T10:00:00+02:00", booking.GetProperty("start").GetString());
        Assert.Equal("2027-07-05T10:45:00+02:00", booking.GetProperty("end").GetString());
        Assert.Equal(("pending", "Europe/Madrid", "Ana"), (booking.GetProperty("status").GetString(), booking.GetProperty("timeZone").GetString(), booking.GetProperty("customerName").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/bookings/{id}", new { status = "confirmed" })).StatusCode);
        using var moved = await owner.PatchAsJsonAsync($"/api/bookings/{id}", new { start = "2027-07-05T12:00:00+02:00" });
        Assert.Equal("2027-07-05T12:00:00+02:00", (await moved.BodyAsync()).GetProperty("start").GetString());
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/bookings/{id}", new { status = "completed" })).StatusCode);

        // Final states stay final.
        await (await owner.PatchAsJsonAsync($"/api/bookings/{id}", new { status = "pending" })).AssertProblemAsync(HttpStatusCode.Conflict, "status");
        await (await owner.PatchAsJsonAsync($"/api/bookings/{id}", new { start = "2027-07-06T12:00:00+02:00" })).AssertProblemAsync(HttpStatusCode.Conflict, "start");

        var history = await (await owner.GetAsync($"/api/bookings/{id}/history")).BodyAsync();
        Assert.Equal(["created", "status", "rescheduled", "status"], history.EnumerateArray().Select(e => e.GetProperty("change").GetString()));
        Assert.All(history.EnumerateArray(), e => Assert.Equal("employee", e.GetProperty("actor").GetString()));
        Assert.Equal("completed", history[3].GetProperty("toStatus").GetString());

        var listed = await (await owner.GetAsync($"/api/bookings?from={Uri.EscapeDataString("2027-07-01T00:00:00+02:00")}&to={Uri.EscapeDataString("2027-07-10T00:00:00+02:00")}")).BodyAsync();
        Assert.Equal([id], listed.EnumerateArray().Select(b => b.GetProperty("id").GetGuid()));
        Assert.Equal(0, (await (await owner.GetAsync($"/api/bookings?status=cancelled&from={Uri.EscapeDataString("2027-07-01T00:00:00Z")}")).BodyAsync()).GetArrayLength());
    }

    [Fact]
    public async Task Cancelling_frees_the_slot_and_buffers_are_protected()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        var service = await RecordsFixture.CreateServiceAsync(owner, duration: 60, buffer: 30);
        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        var start = new DateTimeOffset(2027, 5, 3, 9, 0, 0, TimeSpan.Zero);

        using var first = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start) });
        var id = (await first.BodyAsync()).GetProperty("id").GetGuid();

        // 10:15 falls in the 30-minute buffer after 09:00–10:00.
        await (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start.AddMinutes(75)) }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "start");
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start.AddMinutes(90)) })).StatusCode);

        using var cancelled = await owner.DeleteAsync($"/api/bookings/{id}");
        Assert.Equal("cancelled", (await cancelled.BodyAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start) })).StatusCode);
        Assert.Equal("cancelled", (await (await owner.GetAsync($"/api/bookings/{id}")).BodyAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_a_staff_member_the_first_free_performer_by_name_is_booked_then_the_slot_is_full()
    {
        var (tenant, owner) = await fixture.NewTenantAsync();
        var zoe = await fixture.AddStaffAsync(tenant, "Zoe");
        var bea = await fixture.AddStaffAsync(tenant, "Bea");
        var service = await RecordsFixture.CreateServiceAsync(owner, staff: [zoe, bea]);
        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        var start = RecordsFixture.At(new DateTimeOffset(2027, 5, 4, 9, 0, 0, TimeSpan.Zero));

        var staffBooked = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var booked = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            staffBooked.Add((await booked.BodyAsync()).GetProperty("staffId").GetGuid());
        }

        Assert.Equal([bea, zoe], staffBooked);

        // Each assigned staff member is told by e-mail.
        var mail = Assert.Single(fixture.App.Mailbox.To($"staff-{bea:N}@example.test"));
        Assert.StartsWith("Booking made: ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Bea", mail.TextBody, StringComparison.Ordinal);

        // ... and in the dashboard.
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM notifications WHERE employee_id = @e AND kind = 'booking' AND title LIKE 'Booking made: %'", ("e", (object)bea)));
        await (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start })).AssertProblemAsync(HttpStatusCode.Conflict, "start");

        var outsider = await fixture.AddStaffAsync(tenant, "Carla");
        await (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, staffId = outsider, start }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "staffId");
    }

    [Theory]
    [InlineData("serviceId", """{"customerId":"5b1f1a4e-8f1a-4c1e-9a55-000000000001","start":"2027-05-03T10:00:00+02:00"}""")]
    [InlineData("customerId", """{"serviceId":"5b1f1a4e-8f1a-4c1e-9a55-000000000001","start":"2027-05-03T10:00:00+02:00"}""")]
    [InlineData("start", """{"serviceId":"5b1f1a4e-8f1a-4c1e-9a55-000000000001","customerId":"5b1f1a4e-8f1a-4c1e-9a55-000000000001","start":"2027-05-03T10:00:00"}""")]
    [InlineData("status", """{"serviceId":"5b1f1a4e-8f1a-4c1e-9a55-000000000001","customerId":"5b1f1a4e-8f1a-4c1e-9a55-000000000001","start":"2027-05-03T10:00:00Z","status":"completed"}""")]
    public async Task Invalid_booking_is_refused_naming_the_field(string field, string json)
    {
        var (_, owner) = await fixture.NewTenantAsync();
        using var response = await owner.PostAsync("/api/bookings", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Unknown_service_and_customer_are_named_in_404s()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        var service = await RecordsFixture.CreateServiceAsync(owner);
        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        await (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = Guid.NewGuid(), customerId = customer, start = "2027-05-03T10:00:00Z" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "serviceId");
        await (await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = Guid.NewGuid(), start = "2027-05-03T10:00:00Z" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "customerId");
    }

    [Fact]
    public async Task Fifty_concurrent_requests_for_one_slot_make_exactly_one_booking()
    {
        var (tenant, owner) = await fixture.NewTenantAsync();
        var service = await RecordsFixture.CreateServiceAsync(owner);
        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        var start = new DateTimeOffset(2027, 6, 1, 10, 0, 0, TimeSpan.Zero);

        // Same slot, and overlapping starts a few minutes apart: all compete for one resource.
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => owner.PostAsJsonAsync(
            "/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start.AddMinutes(i % 5)) })));
        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await conflict.AssertProblemAsync(HttpStatusCode.Conflict, "start");
            }

            Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE business_id = @b", ("b", tenant.BusinessId)));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
