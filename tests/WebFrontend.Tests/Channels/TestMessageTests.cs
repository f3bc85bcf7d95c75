using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Channels;

/// <summary><c>POST /api/settings/whatsapp/{id}/test-message</c>: straight to the provider, outside any conversation.</summary>
[Collection(ChannelsCollection.Name)]
public sealed class TestMessageTests(ChannelsFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private static async Task<Guid> NumberIdAsync(HttpClient owner, string provider)
    {
        var numbers = await owner.GetFromJsonAsync<JsonElement>("/api/settings/whatsapp");
        return numbers.EnumerateArray().Single(n => n.GetProperty("provider").GetString() == provider).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient owner, Guid numberId, string to) =>
        owner.PostAsJsonAsync($"/api/settings/whatsapp/{numberId}/test-message", new { to });

    [Fact]
    public async Task A_meta_number_sends_the_hello_world_template_to_the_owner_and_records_it()
    {
        var tenant = await App.CreateTenantAsync("Test message Meta");
        using var owner = await App.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(owner, tenant);
        var numberId = await NumberIdAsync(owner, "meta");

        using (var invalid = await SendAsync(owner, numberId, "600 111 222"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
        }

        using var response = await SendAsync(owner, numberId, "+34 600 777 001");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("accepted").GetBoolean());
        var messageId = result.GetProperty("providerMessageId").GetString();
        Assert.False(string.IsNullOrEmpty(messageId));

        var request = Assert.Single(fixture.Meta.Requests, r => r.Body.Contains("34600777001", StringComparison.Ordinal));
        Assert.Equal($"/v21.0/{tenant.PhoneNumberId}/messages", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("34600777001", body.RootElement.GetProperty("to").GetString());
        Assert.Equal("template", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("hello_world", body.RootElement.GetProperty("template").GetProperty("name").GetString());
        Assert.Equal("en_US", body.RootElement.GetProperty("template").GetProperty("language").GetProperty("code").GetString());

        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE business_id = @b", ("b", tenant.BusinessId)));
        Assert.Equal(messageId, await fixture.Database.ScalarAsync<string>(
            "SELECT details->>'providerMessageId' FROM activity_logs WHERE business_id = @b AND action = 'whatsapp.test_message'", ("b", tenant.BusinessId)));
    }

    [Fact]
    public async Task A_refusal_by_meta_is_answered_with_its_error()
    {
        var tenant = await App.CreateTenantAsync("Test message refused");
        using var owner = await App.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(owner, tenant);
        fixture.Meta.FailNext((400, FakeMetaGraphApi.Error(132001, "Template name does not exist in the translation")));

        using var response = await SendAsync(owner, await NumberIdAsync(owner, "meta"), "+34600777002");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("accepted").GetBoolean());
        Assert.Equal("132001", result.GetProperty("errorCode").GetString());
        Assert.Contains("Template name does not exist", result.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_twilio_number_sends_a_plain_text()
    {
        var tenant = await App.CreateTenantAsync("Test message Twilio");
        using var owner = await App.ClientOfAsync(tenant);
        var number = await Channels.ConnectTwilioAsync(owner);

        using var response = await SendAsync(owner, await NumberIdAsync(owner, "twilio"), "+5491155557001");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.StartsWith("SM", result.GetProperty("providerMessageId").GetString(), StringComparison.Ordinal);

        var request = Assert.Single(fixture.Twilio.Requests, r => r.Body.Contains("5491155557001", StringComparison.Ordinal));
        Assert.Equal($"/2010-04-01/Accounts/{number.AccountSid}/Messages.json", request.Path);
        var form = System.Web.HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("whatsapp:+5491155557001", form["To"]);
        Assert.Equal($"whatsapp:{number.Number}", form["From"]);
        Assert.StartsWith("Conversations test message", form["Body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_without_credentials_is_refused_and_the_business_is_rate_limited()
    {
        var tenant = await App.CreateTenantAsync("Test message local");
        using var owner = await App.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(owner, tenant, accessToken: null!);
        var numberId = await NumberIdAsync(owner, "meta");

        using (var unknown = await SendAsync(owner, Guid.NewGuid(), "+34600777003"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        for (var i = 0; i < 4; i++)
        {
            using var local = await SendAsync(owner, numberId, "+34600777003");
            Assert.Equal(HttpStatusCode.Conflict, local.StatusCode);
            var problem = await local.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("This number has no sending credentials.", problem.GetProperty("title").GetString());
        }

        using var limited = await SendAsync(owner, numberId, "+34600777003");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.DoesNotContain(fixture.Meta.Requests, r => r.Body.Contains("34600777003", StringComparison.Ordinal));
    }
}
