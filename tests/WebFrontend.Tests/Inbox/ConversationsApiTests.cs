using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class ConversationsApiTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private static async Task<JsonElement> ListAsync(HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/api/conversations{query}");

    private static IEnumerable<string?> Customers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("customer").GetProperty("waId").GetString());

    [Fact]
    public async Task Inbox_lists_newest_activity_first_with_last_message_and_unread_count()
    {
        var tenant = await App.CreateTenantAsync("Inbox order");
        var now = DateTimeOffset.UtcNow;
        await App.CustomerWritesAsync(tenant, "100", "wamid.o1", "first customer", now.AddMinutes(-3));
        await App.CustomerWritesAsync(tenant, "200", "wamid.o2", "second customer", now.AddMinutes(-2));
        await App.CustomerWritesAsync(tenant, "100", "wamid.o3", "first again", now.AddMinutes(-1));
        using var client = await App.ClientOfAsync(tenant);

        var page = await ListAsync(client);

        Assert.Equal(["100", "200"], Customers(page));
        var first = page.GetProperty("items")[0];
        Assert.Equal("first again", first.GetProperty("lastMessage").GetProperty("body").GetString());
        Assert.Equal(2, first.GetProperty("unreadCount").GetInt32());
        Assert.Equal("ai", first.GetProperty("mode").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Marking_read_clears_the_unread_count_and_the_unread_filter()
    {
        var tenant = await App.CreateTenantAsync("Unread");
        await App.CustomerWritesAsync(tenant, "300", "wamid.u1", "one");
        await App.CustomerWritesAsync(tenant, "300", "wamid.u2", "two");
        await App.CustomerWritesAsync(tenant, "400", "wamid.u3", "three");
        using var client = await App.ClientOfAsync(tenant);
        var conversation = ConversationIds.For(tenant.BusinessId, "300");

        using (var partly = await client.PostAsJsonAsync($"/api/conversations/{conversation}/read", new { sequence = 1 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, partly.StatusCode);
        }

        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}")).GetProperty("unreadCount").GetInt32());

        using (var all = await client.PostAsJsonAsync($"/api/conversations/{conversation}/read", new { }))
        {
            Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        }

        Assert.Equal(["400"], Customers(await ListAsync(client, "?unread=true")));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}")).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Search_finds_a_conversation_by_a_word_of_a_message()
    {
        var tenant = await App.CreateTenantAsync("Search");
        await App.CustomerWritesAsync(tenant, "500", "wamid.s1", "Quisiera una lectura del tarot celta");
        await App.CustomerWritesAsync(tenant, "600", "wamid.s2", "Hola, ¿qué precios tienen?");
        using var client = await App.ClientOfAsync(tenant);

        Assert.Equal(["500"], Customers(await ListAsync(client, "?q=celta")));
        Assert.Equal(["600"], Customers(await ListAsync(client, "?q=precios")));
        Assert.Empty(Customers(await ListAsync(client, "?q=astrologia")));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gaps_or_repeats()
    {
        var tenant = await App.CreateTenantAsync("Paging inbox");
        var now = DateTimeOffset.UtcNow;
        var customers = Enumerable.Range(1, 7).Select(i => $"70{i}").ToList();
        using (var response = await App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, customers.Select((c, i) => new MetaWebhooks.TextMessage(c, $"wamid.p{c}", "hi", null, now.AddSeconds(i).ToUnixTimeSeconds())).ToArray()),
            tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        using var client = await App.ClientOfAsync(tenant);
        var seen = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(client, $"?limit=3{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            seen.AddRange(Customers(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(customers.Order(), seen.Order());
    }

    [Fact]
    public async Task Filters_by_assignee_and_mode()
    {
        var tenant = await App.CreateTenantAsync("Filters");
        await App.CustomerWritesAsync(tenant, "800", "wamid.f1", "hi");
        using var client = await App.ClientOfAsync(tenant);

        Assert.Equal(["800"], Customers(await ListAsync(client, "?assignee=unassigned&mode=ai&status=open")));
        Assert.Empty(Customers(await ListAsync(client, "?assignee=me")));
        Assert.Empty(Customers(await ListAsync(client, "?mode=human")));
    }

    [Theory]
    [InlineData("?mode=robot", "mode")]
    [InlineData("?status=archived", "status")]
    [InlineData("?assignee=someone", "assignee")]
    [InlineData("?unread=yes", "unread")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?limit=1000", "limit")]
    public async Task Bad_filters_get_400_naming_the_parameter(string query, string field)
    {
        var tenant = await App.CreateTenantAsync("Bad filters");
        using var client = await App.ClientOfAsync(tenant);

        using var response = await client.GetAsync($"/api/conversations{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Another_business_sees_neither_the_list_entry_nor_the_conversation()
    {
        var owner = await App.CreateTenantAsync("Owner inbox");
        var other = await App.CreateTenantAsync("Other inbox");
        await App.CustomerWritesAsync(owner, "900", "wamid.i1", "mine only");
        using var client = await App.ClientOfAsync(other);
        var conversation = ConversationIds.For(owner.BusinessId, "900");

        Assert.Empty(Customers(await ListAsync(client, "?q=mine")));
        using var get = await client.GetAsync($"/api/conversations/{conversation}");
        using var read = await client.PostAsJsonAsync($"/api/conversations/{conversation}/read", new { });
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
