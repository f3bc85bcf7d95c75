using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class MessagesApiTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task Pages_back_with_before_and_catches_up_with_after()
    {
        var tenant = await App.CreateTenantAsync("Paging");
        var messages = Enumerable.Range(1, 5).Select(i => new MetaWebhooks.TextMessage("555", $"wamid.page.{i}", $"m{i}")).ToArray();
        using (var stored = await App.PostWebhookAsync(MetaWebhooks.TextMessages(tenant.PhoneNumberId, messages), tenant.AppSecret))
        {
            stored.EnsureSuccessStatusCode();
        }

        var conversationId = ConversationIds.For(tenant.BusinessId, "555");
        using var client = await App.ClientOfAsync(tenant);

        var newest = await client.GetFromJsonAsync<MessagePage>($"/api/messages?conversationId={conversationId}&limit=2");
        var older = await client.GetFromJsonAsync<MessagePage>($"/api/messages?conversationId={conversationId}&before=4&limit=2");
        var caughtUp = await client.GetFromJsonAsync<MessagePage>($"/api/messages?conversationId={conversationId}&after=3");

        Assert.Equal([4L, 5L], newest!.Messages.Select(m => m.Sequence));
        Assert.Equal([2L, 3L], older!.Messages.Select(m => m.Sequence));
        Assert.Equal(["m4", "m5"], caughtUp!.Messages.Select(m => m.Body));
    }

    [Theory]
    [InlineData("", "conversationId")]
    [InlineData("conversationId=42", "conversationId")]
    [InlineData("conversationId=0e6f2ac5-0f53-4f0e-9d4b-1c51e87b3f10&limit=0", "limit")]
    [InlineData("conversationId=0e6f2ac5-0f53-4f0e-9d4b-1c51e87b3f10&limit=abc", "limit")]
    [InlineData("conversationId=0e6f2ac5-0f53-4f0e-9d4b-1c51e87b3f10&after=-1", "after")]
    [InlineData("conversationId=0e6f2ac5-0f53-4f0e-9d4b-1c51e87b3f10&after=1&before=3", "before")]
    public async Task Bad_query_gets_400_naming_the_parameter(string query, string field)
    {
        var tenant = await App.CreateTenantAsync("Bad query");
        using var client = await App.ClientOfAsync(tenant);

        using var response = await client.GetAsync($"/api/messages?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task Unknown_conversation_gets_404_problem()
    {
        var tenant = await App.CreateTenantAsync("Unknown conversation");
        using var client = await App.ClientOfAsync(tenant);

        using var response = await client.GetAsync($"/api/messages?conversationId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
