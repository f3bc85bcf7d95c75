using System.Net.Http.Json;
using Conversations.Grains.Bookings;

namespace Conversations.WebFrontend.Tests.Bookings;

/// <summary>The assistant's check_availability / create_booking path: <see cref="IBookings"/>, the same rules as the API.</summary>
[Collection(RecordsCollection.Name)]
public sealed class AssistantBookingTests(RecordsFixture fixture)
{
    [Fact]
    public async Task Assistant_books_only_free_slots_through_the_shared_rules_and_is_named_in_the_history()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Europe/Madrid");
        await owner.PutAsJsonAsync("/api/availability/hours", new { weeklyHours = new[] { new { weekday = "monday", opens = "09:00", closes = "12:00" } } });
        var service = await RecordsFixture.CreateServiceAsync(owner);
        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        var bookings = fixture.App.Service<IBookings>();
        var monday = new DateOnly(2027, 5, 3);

        var day = (await bookings.FindFreeSlotsAsync(tenant.BusinessId, service, monday, null, CancellationToken.None))!;
        Assert.Equal(("Europe/Madrid", 3), (day.TimeZone, day.Slots.Count));

        var offGrid = await bookings.CreateAsync(
            tenant.BusinessId, new NewBooking(service, customer, null, day.Slots[0].Start.AddMinutes(30), "", BookingStatus.Pending, RequireOpenSlot: true),
            BookingActor.Assistant, CancellationToken.None);
        Assert.Equal((BookingFailureKind.Conflict, "start"), (offGrid.Failure!.Kind, offGrid.Failure.Field));

        var booked = await bookings.CreateAsync(
            tenant.BusinessId, new NewBooking(service, customer, null, day.Slots[1].Start, "", BookingStatus.Confirmed, RequireOpenSlot: true),
            BookingActor.Assistant, CancellationToken.None);
        Assert.Equal(day.Slots[1].Start, booked.Booking!.Start);

        var again = await bookings.CreateAsync(
            tenant.BusinessId, new NewBooking(service, customer, null, day.Slots[1].Start, "", BookingStatus.Pending, RequireOpenSlot: true),
            BookingActor.Assistant, CancellationToken.None);
        Assert.Equal(BookingFailureKind.Conflict, again.Failure!.Kind);

        Assert.Equal([day.Slots[0], day.Slots[2]], (await bookings.FindFreeSlotsAsync(tenant.BusinessId, service, monday, null, CancellationToken.None))!.Slots);
        var history = await (await owner.GetAsync($"/api/bookings/{booked.Booking.Id}/history")).BodyAsync();
        Assert.Equal("assistant", history[0].GetProperty("actor").GetString());
    }
}
