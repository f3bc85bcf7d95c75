using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Customers;

[Collection(RecordsCollection.Name)]
public sealed class CustomerPrivacyTests(RecordsFixture fixture)
{
    [Fact]
    public async Task Export_holds_everything_and_erase_leaves_no_personal_data_in_messages_but_keeps_bookings()
    {
        var (tenant, owner) = await fixture.NewTenantAsync();
        using (var webhook = await fixture.App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34633000444", $"wamid.{Guid.NewGuid():N}", "My address is Calle Mayor 1", "Lola")), tenant.AppSecret))
        {
            webhook.EnsureSuccessStatusCode();
        }

        var customer = (await (await owner.GetAsync("/api/customers?search=Lola")).BodyAsync()).GetProperty("items")[0];
        var id = customer.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/customers/{id}", new { email = "lola@example.com", tags = new[] { "tarot" } })).StatusCode);
        var service = await RecordsFixture.CreateServiceAsync(owner);
        using var booked = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = id, start = "2027-09-01T10:00:00Z", notes = "Lola prefers mornings" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookingId = (await booked.BodyAsync()).GetProperty("id").GetGuid();

        var export = await (await owner.GetAsync($"/api/customers/{id}/export")).BodyAsync();
        Assert.Equal("lola@example.com", export.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("Lola", export.GetProperty("conversations")[0].GetProperty("customerName").GetString());
        Assert.Equal("My address is Calle Mayor 1", export.GetProperty("messages")[0].GetProperty("body").GetString());
        Assert.Equal(bookingId, export.GetProperty("bookings")[0].GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/api/customers/{id}/erase", null)).StatusCode);

        var conversation = ConversationIds.For(tenant.BusinessId, "34633000444");
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM messages WHERE conversation_id = @c AND (body IS NOT NULL OR content IS NOT NULL)", ("c", (object)conversation)));
        Assert.True(await fixture.ScalarAsync<long>("SELECT count(*) FROM messages WHERE conversation_id = @c", ("c", (object)conversation)) > 0);
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM conversations WHERE id = @c AND customer_name IS NOT NULL", ("c", (object)conversation)));

        var erased = await (await owner.GetAsync($"/api/customers/{id}")).BodyAsync();
        foreach (var field in new[] { "name", "phone", "email", "waId" })
        {
            Assert.Equal(JsonValueKind.Null, erased.GetProperty(field).ValueKind);
        }

        Assert.Empty(erased.GetProperty("tags").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, erased.GetProperty("erasedAt").ValueKind);
        Assert.Empty((await (await owner.GetAsync("/api/customers?search=Lola")).BodyAsync()).GetProperty("items").EnumerateArray());

        var booking = await (await owner.GetAsync($"/api/bookings/{bookingId}")).BodyAsync();
        Assert.Equal(("pending", ""), (booking.GetProperty("status").GetString(), booking.GetProperty("notes").GetString()));
        await (await owner.DeleteAsync($"/api/customers/{id}")).AssertProblemAsync(HttpStatusCode.Conflict, "id");
    }

    [Fact]
    public async Task Erase_leaves_neither_name_nor_number_in_the_conversation_and_a_returning_customer_is_new()
    {
        var (tenant, owner) = await fixture.NewTenantAsync();
        using (var webhook = await fixture.App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34633000555", $"wamid.{Guid.NewGuid():N}", "Hola", "Pilar")), tenant.AppSecret))
        {
            webhook.EnsureSuccessStatusCode();
        }

        var conversation = ConversationIds.For(tenant.BusinessId, "34633000555");
        var id = (await (await owner.GetAsync("/api/customers?search=Pilar")).BodyAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/api/customers/{id}/erase", null)).StatusCode);

        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM conversations WHERE id = @c AND customer_wa_id LIKE '%34633000555%'", ("c", (object)conversation)));
        var snapshot = await fixture.App.Service<IClusterClient>().GetGrain<IConversationGrain>(conversation).GetSnapshotAsync();
        Assert.Null(snapshot!.CustomerName);
        Assert.DoesNotContain("34633000555", snapshot.CustomerWaId, StringComparison.Ordinal);
        using (var refused = await owner.PostAsJsonAsync("/api/messages", new { conversationId = conversation, text = "still there?" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using (var again = await fixture.App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34633000555", $"wamid.{Guid.NewGuid():N}", "Soy nueva", "Pilar R.")), tenant.AppSecret))
        {
            again.EnsureSuccessStatusCode();
        }

        var returning = (await (await owner.GetAsync("/api/customers?search=Pilar")).BodyAsync()).GetProperty("items");
        var fresh = Assert.Single(returning.EnumerateArray());
        Assert.NotEqual(id, fresh.GetProperty("id").GetGuid());
        Assert.Equal("34633000555", fresh.GetProperty("waId").GetString());
    }
}
