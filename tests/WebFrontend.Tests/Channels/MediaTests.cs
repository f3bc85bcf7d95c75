using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Channels;

[Collection(ChannelsCollection.Name)]
public sealed class MediaTests(ChannelsFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private static string ImageMessage(string id, string mediaId) => $$"""
        [{"from":"16315552222","id":"{{id}}","timestamp":"{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}","type":"image",
          "image":{"caption":"my palm","mime_type":"image/jpeg","sha256":"x","id":"{{mediaId}}"} }]
        """;

    private static Task<JsonElement> StoredAsync(HttpClient client, Guid conversation) =>
        Eventually.GetAsync(
            async () => (await Transcript.ReadAsync(client, conversation))[^1],
            m => m.GetProperty("content").GetProperty("media").TryGetProperty("storedMediaId", out var id) && id.ValueKind == JsonValueKind.String,
            what: "the media to be fetched");

    [Fact]
    public async Task Meta_media_is_fetched_after_the_webhook_and_served_to_the_business_only()
    {
        var tenant = await App.CreateTenantAsync("Media");
        using var owner = await App.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(owner, tenant);

        using (var response = await App.PostWebhookAsync(MetaWebhooks.Delivery(tenant.PhoneNumberId, ImageMessage("wamid.media1", "4490709327384033")), tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        var message = await StoredAsync(owner, ConversationIds.For(tenant.BusinessId, "16315552222"));
        var mediaId = message.GetProperty("content").GetProperty("media").GetProperty("storedMediaId").GetGuid();
        using var file = await owner.GetAsync($"/api/media/{mediaId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FakeMetaGraphApi.MediaBytes("4490709327384033"), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("disk", await fixture.Database.ScalarAsync<string>("SELECT storage FROM media_files WHERE id = @id", ("id", mediaId)));

        var stranger = await App.CreateTenantAsync("Not the owner");
        using var strangerClient = await App.ClientOfAsync(stranger);
        using var forbidden = await strangerClient.GetAsync($"/api/media/{mediaId}");
        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
    }

    [Fact]
    public async Task Media_lookup_failures_are_retried()
    {
        var tenant = await App.CreateTenantAsync("Media retry");
        using var owner = await App.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(owner, tenant);
        fixture.Meta.FailNext((500, FakeMetaGraphApi.Error(131000, "Something went wrong")));

        using (var response = await App.PostWebhookAsync(MetaWebhooks.Delivery(tenant.PhoneNumberId, ImageMessage("wamid.media2", "1111")), tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        await StoredAsync(owner, ConversationIds.For(tenant.BusinessId, "16315552222"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE business_id = @b", ("b", tenant.BusinessId)));
    }

    [Fact]
    public async Task Without_credentials_the_media_fetch_gives_up_and_leaves_the_message_as_received()
    {
        var tenant = await App.CreateTenantAsync("Media offline");
        using var owner = await App.ClientOfAsync(tenant);

        using (var response = await App.PostWebhookAsync(MetaWebhooks.Delivery(tenant.PhoneNumberId, ImageMessage("wamid.media3", "2222")), tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        await Eventually.GetAsync(
            () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE business_id = @b", ("b", tenant.BusinessId)),
            count => count == 0, what: "the fetch to be given up");
        var message = Assert.Single(await Transcript.ReadAsync(owner, ConversationIds.For(tenant.BusinessId, "16315552222")));
        Assert.Equal("2222", message.GetProperty("content").GetProperty("media").Text("providerMediaId"));
        Assert.Null(message.GetProperty("content").GetProperty("media").Text("storedMediaId"));
    }

    [Fact]
    public async Task Twilio_media_is_fetched_with_the_account_credentials()
    {
        var tenant = await App.CreateTenantAsync("Twilio media fetch");
        using var owner = await App.ClientOfAsync(tenant);
        var number = await Channels.ConnectTwilioAsync(owner);
        var mediaUrl = $"https://api.twilio.com/2010-04-01/Accounts/{number.AccountSid}/Messages/SM9/Media/ME0123456789";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM99999999999999999999999999999999",
            ["From"] = "whatsapp:+5491155551234",
            ["To"] = $"whatsapp:{number.Number}",
            ["WaId"] = "5491155551234",
            ["Body"] = "",
            ["NumMedia"] = "1",
            ["MediaUrl0"] = mediaUrl,
            ["MediaContentType0"] = "image/png",
        };
        using (var response = await TwilioTests.PostAsync(App, "/api/webhook/twilio", form, number.AuthToken))
        {
            response.EnsureSuccessStatusCode();
        }

        var message = await StoredAsync(owner, ConversationIds.For(tenant.BusinessId, "5491155551234"));
        var mediaId = message.GetProperty("content").GetProperty("media").GetProperty("storedMediaId").GetGuid();
        Assert.Equal(FakeTwilioApi.MediaBytes("ME0123456789"), await owner.GetByteArrayAsync($"/api/media/{mediaId}"));
        Assert.Contains(fixture.Twilio.Requests, r => r.Method == "GET" && r.Path.EndsWith("/Media/ME0123456789", StringComparison.Ordinal));
    }
}
