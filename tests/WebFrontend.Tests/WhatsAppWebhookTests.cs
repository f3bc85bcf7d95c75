using System.Net;
using System.Net.Http.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class WhatsAppWebhookTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private static string Text(TestTenant tenant, string id, string body = "Hola", string from = "34611111111", string? name = "Ana") =>
        MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage(from, id, body, name));

    [Fact]
    public async Task Signed_webhook_is_stored_and_readable_through_the_api()
    {
        var tenant = await App.CreateTenantAsync("Stored");

        using var response = await App.PostWebhookAsync(Text(tenant, "wamid.stored.1", "Quiero una lectura"), tenant.AppSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
        Assert.Equal(new Receipt(1, 1, 0), receipt);

        var conversationId = ConversationIds.For(tenant.BusinessId, "34611111111");
        using var client = await App.ClientOfAsync(tenant);
        var page = await client.GetFromJsonAsync<MessagePage>($"/api/messages?conversationId={conversationId}");
        var message = Assert.Single(page!.Messages);
        Assert.Equal("Quiero una lectura", message.Body);
        Assert.Equal("wamid.stored.1", message.ProviderMessageId);
        Assert.Equal(1, message.Sequence);
        Assert.Equal("inbound", message.Direction);
        Assert.Equal("customer", message.Sender);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData(null)]
    public async Task Bad_or_missing_signature_gets_401_and_stores_nothing(string? secret)
    {
        var tenant = await App.CreateTenantAsync("Unsigned");

        using var response = await App.PostWebhookAsync(Text(tenant, "wamid.unsigned.1"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await fixture.CountMessagesAsync(tenant.BusinessId));
    }

    [Fact]
    public async Task Secret_of_another_business_does_not_admit_messages()
    {
        var tenant = await App.CreateTenantAsync("Victim");
        var attacker = await App.CreateTenantAsync("Attacker");

        using var response = await App.PostWebhookAsync(Text(tenant, "wamid.forged.1"), attacker.AppSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await fixture.CountMessagesAsync(tenant.BusinessId));
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_and_stores_nothing()
    {
        var tenant = await App.CreateTenantAsync("Malformed");
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM messages");

        using var response = await App.PostWebhookAsync("{\"object\": \"whatsapp_business_account\", \"entry\": [", tenant.AppSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("$", problem!.Errors.Keys);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM messages"));
    }

    [Fact]
    public async Task Message_without_an_id_gets_400_naming_the_field()
    {
        var tenant = await App.CreateTenantAsync("NoId");
        var body = Text(tenant, "wamid.x").Replace("\"id\":\"wamid.x\",", "", StringComparison.Ordinal);

        using var response = await App.PostWebhookAsync(body, tenant.AppSecret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["entry[0].changes[0].value.messages[0].id"], problem!.Errors.Keys);
        Assert.Equal(0, await fixture.CountMessagesAsync(tenant.BusinessId));
    }

    [Fact]
    public async Task Oversized_body_gets_413_and_stores_nothing()
    {
        var tenant = await App.CreateTenantAsync("Oversized");
        var body = Text(tenant, "wamid.big.1", new string('x', 1_100_000));

        using var response = await App.PostWebhookAsync(body, tenant.AppSecret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await fixture.CountMessagesAsync(tenant.BusinessId));
    }

    [Fact]
    public async Task Unknown_phone_number_id_gets_404_and_stores_nothing()
    {
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM messages");
        var body = MetaWebhooks.TextMessages("999000999000999", new MetaWebhooks.TextMessage("1", "wamid.unknown.1", "hi"));

        using var response = await App.PostWebhookAsync(body, "any-secret");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM messages"));
    }

    [Fact]
    public async Task Same_webhook_delivered_twice_is_stored_once()
    {
        var tenant = await App.CreateTenantAsync("Redelivery");
        var body = Text(tenant, "wamid.redelivered.1");

        using var first = await App.PostWebhookAsync(body, tenant.AppSecret);
        using var second = await App.PostWebhookAsync(body, tenant.AppSecret);

        Assert.Equal(new Receipt(1, 1, 0), await first.Content.ReadFromJsonAsync<Receipt>());
        Assert.Equal(new Receipt(1, 0, 1), await second.Content.ReadFromJsonAsync<Receipt>());
        Assert.Equal(1, await fixture.CountMessagesAsync(tenant.BusinessId));
    }

    [Fact]
    public async Task Concurrent_redeliveries_are_stored_once()
    {
        var tenant = await App.CreateTenantAsync("Concurrent redelivery");
        var body = Text(tenant, "wamid.concurrent.1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => App.PostWebhookAsync(body, tenant.AppSecret)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await fixture.CountMessagesAsync(tenant.BusinessId));
    }

    [Fact]
    public async Task Delivery_with_several_customers_stores_each_in_its_own_conversation_in_order()
    {
        var tenant = await App.CreateTenantAsync("Batch");
        var body = MetaWebhooks.TextMessages(
            tenant.PhoneNumberId,
            new MetaWebhooks.TextMessage("111", "wamid.batch.1", "a1"),
            new MetaWebhooks.TextMessage("222", "wamid.batch.2", "b1"),
            new MetaWebhooks.TextMessage("111", "wamid.batch.3", "a2"));

        using var response = await App.PostWebhookAsync(body, tenant.AppSecret);

        Assert.Equal(new Receipt(3, 3, 0), await response.Content.ReadFromJsonAsync<Receipt>());
        using var client = await App.ClientOfAsync(tenant);
        var first = await client.GetFromJsonAsync<MessagePage>($"/api/messages?conversationId={ConversationIds.For(tenant.BusinessId, "111")}");
        Assert.Equal(["a1", "a2"], first!.Messages.Select(m => m.Body));
        Assert.Equal([1L, 2L], first.Messages.Select(m => m.Sequence));
    }

    [Fact]
    public async Task Verification_handshake_echoes_the_challenge_for_a_known_token()
    {
        var tenant = await App.CreateTenantAsync("Handshake");
        var client = App.CreateClient();

        using var ok = await client.GetAsync($"/api/webhook/whatsapp?hub.mode=subscribe&hub.verify_token={tenant.VerifyToken}&hub.challenge=1158201444");
        using var wrong = await client.GetAsync("/api/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1");
        using var incomplete = await client.GetAsync($"/api/webhook/whatsapp?hub.verify_token={tenant.VerifyToken}");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var problem = await incomplete.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("hub.mode", problem!.Errors.Keys);
        Assert.Contains("hub.challenge", problem.Errors.Keys);
    }

    private sealed record Receipt(int Received, int Stored, int Duplicates);
}
