using System.Net.Http.Json;
using Conversations.Grains.Interfaces;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Customers;

[Collection(RecordsCollection.Name)]
public sealed class CustomerNotesCountTests(RecordsFixture fixture)
{
    [Fact]
    public async Task A_customer_s_notes_count_follows_the_notes_on_their_conversations()
    {
        var (tenant, owner) = await fixture.NewTenantAsync();
        var waId = $"3469{Random.Shared.Next(1_000_000, 9_999_999)}";
        await fixture.App.CustomerWritesAsync(tenant, waId, $"wamid.{Guid.NewGuid():N}", "Hola");
        var conversation = ConversationIds.For(tenant.BusinessId, waId);

        var first = await (await owner.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "Allergic to lavender" })).BodyAsync();
        (await owner.PostAsJsonAsync("/api/notes", new { conversationId = conversation, body = "Pays cash" })).EnsureSuccessStatusCode();
        Assert.Equal(2, await NotesCountAsync(owner, waId));

        (await owner.DeleteAsync($"/api/notes/{first.GetProperty("id").GetGuid()}")).EnsureSuccessStatusCode();
        Assert.Equal(1, await NotesCountAsync(owner, waId));
    }

    private static async Task<int> NotesCountAsync(HttpClient owner, string waId)
    {
        var page = await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/customers?search={waId}");
        var customer = Assert.Single(page.GetProperty("items").EnumerateArray());
        return (await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/customers/{customer.GetProperty("id").GetGuid()}")).GetProperty("notesCount").GetInt32();
    }
}
