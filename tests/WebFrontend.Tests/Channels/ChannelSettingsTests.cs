using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests.Channels;

[Collection(ChannelsCollection.Name)]
public sealed class ChannelSettingsTests(ChannelsFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task Settings_never_return_secrets_and_store_them_encrypted()
    {
        var tenant = await App.CreateTenantAsync("Secrets");
        using var owner = await App.ClientOfAsync(tenant);
        const string accessToken = "EAAG-very-secret-access-token-42";
        await Channels.ConnectMetaAsync(owner, tenant, accessToken);
        var twilio = await Channels.ConnectTwilioAsync(owner);

        var json = await owner.GetStringAsync("/api/settings/whatsapp");

        Assert.DoesNotContain(accessToken, json, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.AppSecret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(twilio.AuthToken, json, StringComparison.Ordinal);
        var channels = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, channels.Count);
        var meta = channels.Single(c => c.Text("provider") == "meta");
        Assert.True(meta.GetProperty("hasAccessToken").GetBoolean());
        Assert.True(meta.GetProperty("hasAppSecret").GetBoolean());
        Assert.True(meta.GetProperty("sendsThroughProvider").GetBoolean());

        var stored = await fixture.Database.ScalarAsync<string>(
            "SELECT string_agg(coalesce(protected_secrets, '') || coalesce(app_secret, ''), '|') FROM whatsapp_channels WHERE business_id = @b",
            ("b", tenant.BusinessId));
        Assert.DoesNotContain(accessToken, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.AppSecret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(twilio.AuthToken, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_without_secrets_keeps_the_stored_ones()
    {
        var tenant = await App.CreateTenantAsync("Keep secrets");
        using var owner = await App.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(owner, tenant);

        using var update = await owner.PostAsJsonAsync("/api/settings/whatsapp", new
        {
            provider = "meta", phoneNumberId = tenant.PhoneNumberId, displayPhoneNumber = "+34 600 123 456",
        });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var view = await update.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("+34 600 123 456", view.Text("displayPhoneNumber"));
        Assert.True(view.GetProperty("hasAccessToken").GetBoolean());

        // The webhook secret still works after the update.
        await App.CustomerWritesAsync(tenant, "999", "wamid.after-update", "still signed");
    }

    [Theory]
    [InlineData("""{"provider":"sms"}""", "provider")]
    [InlineData("""{"provider":"meta","phoneNumberId":"12ab","appSecret":"0123456789abcdef0123","verifyToken":"verify-token"}""", "phoneNumberId")]
    [InlineData("""{"provider":"meta","phoneNumberId":"123456789","verifyToken":"verify-token"}""", "appSecret")]
    [InlineData("""{"provider":"twilio","senderNumber":"555-1234","accountSid":"AC00000000000000000000000000000000","authToken":"00000000000000000000000000000000"}""", "senderNumber")]
    [InlineData("""{"provider":"twilio","senderNumber":"+15551234567","accountSid":"XX1","authToken":"00000000000000000000000000000000"}""", "accountSid")]
    public async Task Invalid_settings_get_400_naming_the_field(string json, string field)
    {
        var tenant = await App.CreateTenantAsync("Invalid settings");
        using var owner = await App.ClientOfAsync(tenant);

        using var response = await owner.PostAsync("/api/settings/whatsapp", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }

    [Fact]
    public async Task Number_of_another_business_gets_409_and_stays_theirs()
    {
        var first = await App.CreateTenantAsync("First owner");
        var second = await App.CreateTenantAsync("Second owner");
        using var intruder = await App.ClientOfAsync(second);

        using var response = await intruder.PostAsJsonAsync("/api/settings/whatsapp", new
        {
            provider = "meta", phoneNumberId = first.PhoneNumberId, appSecret = "intruder-secret-0000000", verifyToken = "intruder-verify",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await App.CustomerWritesAsync(first, "123", "wamid.still-mine", "still routed to the first business");
    }

    [Fact]
    public async Task A_business_can_have_several_numbers_and_remove_one()
    {
        var tenant = await App.CreateTenantAsync("Several numbers");
        using var owner = await App.ClientOfAsync(tenant);
        var twilio = await Channels.ConnectTwilioAsync(owner);
        var list = await owner.GetFromJsonAsync<JsonElement>("/api/settings/whatsapp");
        Assert.Equal(2, list.GetArrayLength());
        var id = list.EnumerateArray().Single(c => c.Text("address") == twilio.Number).GetProperty("id").GetGuid();

        using var deleted = await owner.DeleteAsync($"/api/settings/whatsapp/{id}");
        using var again = await owner.DeleteAsync($"/api/settings/whatsapp/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, (await owner.GetFromJsonAsync<JsonElement>("/api/settings/whatsapp")).GetArrayLength());
    }
}
