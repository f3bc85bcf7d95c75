using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Bookings;

namespace Conversations.WebFrontend.Tests.Bookings;

[Collection(AppCollection.Name)]
public sealed class ReminderRepairTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task A_confirmed_booking_whose_grain_never_got_its_plan_gets_it_from_the_repair_round()
    {
        var tenant = await App.CreateTenantAsync("Repair");
        await App.CustomerWritesAsync(tenant, "34655000999", $"wamid.{Guid.NewGuid():N}", "Hola");
        using var owner = await App.ClientOfAsync(tenant);
        var service = await RecordsFixture.CreateServiceAsync(owner);
        var customer = (await (await owner.GetAsync("/api/customers")).BodyAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var start = DateTimeOffset.UtcNow.AddHours(3);
        using var booked = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start) });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var id = (await booked.BodyAsync()).GetProperty("id").GetGuid();

        // Confirmed behind the API's back, as if handing the plan to the grain had failed.
        await fixture.Database.ScalarAsync<int>("WITH u AS (UPDATE bookings SET status = 'confirmed' WHERE id = @id RETURNING 1) SELECT count(*)::int FROM u", ("id", id));
        var grain = App.Service<IGrainFactory>().GetGrain<IBookingGrain>(id);
        Assert.Null((await grain.GetStatusAsync()).NextWake);

        Assert.True(await App.Service<PostgresBookings>().ReplanUpcomingAsync(TimeSpan.FromHours(25), CancellationToken.None) >= 1);

        var repaired = await grain.GetStatusAsync();
        Assert.True(repaired.ConfirmationSent);
        Assert.Equal(start.AddHours(-1), repaired.NextWake!.Value, TimeSpan.FromSeconds(1));
    }
}
