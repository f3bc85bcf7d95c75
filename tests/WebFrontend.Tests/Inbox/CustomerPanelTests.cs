using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class CustomerPanelTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task Panel_shows_the_customer_with_bookings_lifetime_value_notes_and_who_handled_them()
    {
        var tenant = await App.CreateTenantAsync("Panel");
        using var owner = await App.ClientOfAsync(tenant);
        using (var inbound = await App.PostWebhookAsync(
            TestSupport.MetaWebhooks.TextMessages(tenant.PhoneNumberId, new TestSupport.MetaWebhooks.TextMessage("34677700001", "wamid.panel1", "Hola", "Lucía", DateTimeOffset.UtcNow.ToUnixTimeSeconds())),
            tenant.AppSecret))
        {
            inbound.EnsureSuccessStatusCode();
        }

        var conversation = ConversationIds.For(tenant.BusinessId, "34677700001");
        var customers = await owner.GetFromJsonAsync<JsonElement>("/api/customers?search=Luc");
        var customerId = customers.GetProperty("items")[0].GetProperty("id").GetGuid();
        var service = (await owner.GetFromJsonAsync<JsonElement>("/api/services"))[0];
        using (var booked = await owner.PostAsJsonAsync("/api/bookings", new
        {
            serviceId = service.GetProperty("id").GetGuid(), customerId, start = "2027-06-07T10:00:00+00:00", status = "confirmed",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await owner.PatchAsJsonAsync($"/api/bookings/{bookingId}", new { status = "completed" })).EnsureSuccessStatusCode();
        }

        (await owner.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "Prefers mornings" })).EnsureSuccessStatusCode();
        (await owner.PostAsync($"/api/conversations/{conversation}/takeover", null)).EnsureSuccessStatusCode();

        var panel = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/customer");

        Assert.Equal("Lucía", panel.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(1, panel.GetProperty("customer").GetProperty("notesCount").GetInt32());
        var booking = Assert.Single(panel.GetProperty("bookings").EnumerateArray());
        Assert.Equal("completed", booking.GetProperty("status").GetString());
        var value = Assert.Single(panel.GetProperty("lifetimeValue").EnumerateArray());
        Assert.Equal((3000, "EUR"), (value.GetProperty("amountMinor").GetInt64(), value.GetProperty("currency").GetString()));
        Assert.Single(panel.GetProperty("handledBy").EnumerateArray());

        var stranger = await App.CreateTenantAsync("Panel stranger");
        using var strangerClient = await App.ClientOfAsync(stranger);
        using var foreign = await strangerClient.GetAsync($"/api/conversations/{conversation}/customer");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
