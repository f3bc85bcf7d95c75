using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Bookings;

/// <summary>
/// The booking grain's confirmation and reminders through the real silo, its PostgreSQL reminder table and
/// the conversation grain. The app clock is moved 25 hours past the customer's message so the 24-hour window
/// is closed and templates are used; a booking 24 hours and a few seconds ahead makes the 24-hour reminder
/// due within seconds of real time.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class BookingReminderTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task Confirmed_booking_sends_a_confirmation_and_its_reminders_which_follow_reschedules_and_stop_on_cancel()
    {
        var tenant = await App.CreateTenantAsync("Reminders");
        const string waId = "34655000111";
        await App.CustomerWritesAsync(tenant, waId, $"wamid.{Guid.NewGuid():N}", "Hola");
        App.Clock.Advance(TimeSpan.FromHours(25));
        try
        {
            using var owner = await App.ClientOfAsync(tenant);
            var service = await RecordsFixture.CreateServiceAsync(owner);
            var customer = (await (await owner.GetAsync("/api/customers")).BodyAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
            var start = App.Clock.GetUtcNow().AddHours(24).AddSeconds(4);

            using var booked = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(start), status = "confirmed" });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var id = (await booked.BodyAsync()).GetProperty("id").GetGuid();
            var grain = App.Service<IGrainFactory>().GetGrain<IBookingGrain>(id);
            var grainId = grain.GetGrainId().ToString();

            var scheduled = await grain.GetStatusAsync();
            Assert.True(scheduled.ConfirmationSent);
            Assert.Equal(start.AddHours(-24), scheduled.NextWake!.Value, TimeSpan.FromSeconds(1));
            Assert.Equal(1L, await ReminderRowsAsync(grainId));

            // The Orleans reminder wakes the grain; the window is closed, so both went out as templates.
            var conversation = ConversationIds.For(tenant.BusinessId, waId);
            await Eventually.GetAsync(
                () => TemplatesAsync(conversation), sent => sent.Contains(BookingMessages.ReminderTemplate), TimeSpan.FromSeconds(30), "the 24-hour reminder");
            Assert.Contains(BookingMessages.ConfirmationTemplate, await TemplatesAsync(conversation));
            var afterReminder = await grain.GetStatusAsync();
            Assert.Equal([ReminderSchedule.DayBefore], afterReminder.Sent);
            Assert.Equal(start.AddHours(-1), afterReminder.NextWake!.Value, TimeSpan.FromSeconds(1));

            // Rescheduled: the reminders start again from the new time.
            var later = start.AddDays(2);
            Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/bookings/{id}", new { start = RecordsFixture.At(later) })).StatusCode);
            var moved = await grain.GetStatusAsync();
            Assert.Empty(moved.Sent);
            Assert.Equal(later.AddHours(-24), moved.NextWake!.Value, TimeSpan.FromSeconds(1));
            Assert.Equal(1L, await ReminderRowsAsync(grainId));

            // Cancelled: nothing is scheduled any more, in the grain or in the reminder table.
            Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"/api/bookings/{id}")).StatusCode);
            Assert.Null((await grain.GetStatusAsync()).NextWake);
            Assert.Equal(0L, await ReminderRowsAsync(grainId));
        }
        finally
        {
            App.Clock.Reset();
        }
    }

    private Task<long> ReminderRowsAsync(string grainId) =>
        fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_reminders WHERE grain_id = @g", ("g", grainId));

    private async Task<List<string>> TemplatesAsync(Guid conversation)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT content::text FROM messages WHERE conversation_id = @c AND direction = 'outbound' AND kind = 'template' ORDER BY sequence");
        command.Parameters.AddWithValue("c", conversation);
        var templates = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var text = reader.IsDBNull(0) ? "" : reader.GetString(0);
            templates.Add(text.Contains(BookingMessages.ReminderTemplate, StringComparison.Ordinal) ? BookingMessages.ReminderTemplate
                : text.Contains(BookingMessages.ConfirmationTemplate, StringComparison.Ordinal) ? BookingMessages.ConfirmationTemplate : text);
        }

        return templates;
    }
}
