using System.Net;
using System.Net.Http.Json;

namespace Conversations.WebFrontend.Tests.Bookings;

[Collection(RecordsCollection.Name)]
public sealed class TenantIsolationTests(RecordsFixture fixture)
{
    [Fact]
    public async Task Another_business_gets_404_for_our_customer_service_segment_and_booking_ids_on_every_route()
    {
        var (tenantA, a) = await fixture.NewTenantAsync();
        var staffA = await fixture.AddStaffAsync(tenantA, "Ana");
        var service = await RecordsFixture.CreateServiceAsync(a);
        var customer = await RecordsFixture.CreateCustomerAsync(a, "Alicia", "+34699000001");
        using var booked = await a.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = "2027-04-01T10:00:00Z" });
        var booking = (await booked.BodyAsync()).GetProperty("id").GetGuid();
        using var segmentCreated = await a.PostAsJsonAsync("/api/customers/segments", new { name = "All" });
        var segment = (await segmentCreated.BodyAsync()).GetProperty("id").GetGuid();

        var (_, b) = await fixture.NewTenantAsync();
        var serviceB = await RecordsFixture.CreateServiceAsync(b);
        var customerB = await RecordsFixture.CreateCustomerAsync(b, "Berta");

        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/customers/{customer}", null),
            (HttpMethod.Patch, $"/api/customers/{customer}", new { name = "Taken" }),
            (HttpMethod.Delete, $"/api/customers/{customer}", null),
            (HttpMethod.Get, $"/api/customers/{customer}/export", null),
            (HttpMethod.Post, $"/api/customers/{customer}/erase", null),
            (HttpMethod.Get, $"/api/customers/segments/{segment}", null),
            (HttpMethod.Patch, $"/api/customers/segments/{segment}", new { name = "Mine" }),
            (HttpMethod.Delete, $"/api/customers/segments/{segment}", null),
            (HttpMethod.Get, $"/api/customers/segments/{segment}/customers", null),
            (HttpMethod.Get, $"/api/services/{service}", null),
            (HttpMethod.Patch, $"/api/services/{service}", new { name = "Taken" }),
            (HttpMethod.Delete, $"/api/services/{service}", null),
            (HttpMethod.Get, $"/api/availability?serviceId={service}&date=2027-04-01", null),
            (HttpMethod.Get, $"/api/bookings/{booking}", null),
            (HttpMethod.Patch, $"/api/bookings/{booking}", new { status = "confirmed" }),
            (HttpMethod.Delete, $"/api/bookings/{booking}", null),
            (HttpMethod.Get, $"/api/bookings/{booking}/history", null),
            (HttpMethod.Post, "/api/bookings", new { serviceId = service, customerId = customerB, start = "2027-04-02T10:00:00Z" }),
            (HttpMethod.Post, "/api/bookings", new { serviceId = serviceB, customerId = customer, start = "2027-04-02T10:00:00Z" }),
            (HttpMethod.Post, "/api/bookings", new { serviceId = serviceB, customerId = customerB, staffId = staffA, start = "2027-04-02T10:00:00Z" }),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await b.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} {System.Text.Json.JsonSerializer.Serialize(body)} answered {response.StatusCode}");
        }

        // Nor do lists, searches or exports show A's records to B.
        Assert.DoesNotContain("Alicia", await (await b.GetAsync("/api/customers?search=Alicia")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Alicia", await (await b.GetAsync("/api/customers/export")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(service.ToString(), await (await b.GetAsync("/api/services")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(booking.ToString(), await (await b.GetAsync("/api/bookings?from=2027-03-01T00:00:00Z")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // And A's records are untouched.
        Assert.Equal("Alicia", (await (await a.GetAsync($"/api/customers/{customer}")).BodyAsync()).GetProperty("name").GetString());
        Assert.Equal("pending", (await (await a.GetAsync($"/api/bookings/{booking}")).BodyAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/customers/segments/{segment}")).StatusCode);
    }
}
