using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Channels;

[Collection(ChannelsCollection.Name)]
public sealed class TwilioTests(ChannelsFixture fixture)
{
    private const string PublicBase = "https://chat.example.test";

    private ConversationsApp App => fixture.App;

    /// <summary>Twilio's documented scheme, computed here independently: HMAC-SHA1 over the URL and the sorted form.</summary>
    private static string Sign(string url, IReadOnlyDictionary<string, string> form, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    private Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form, string? authToken) =>
        PostAsync(App, path, form, authToken);

    /// <summary>Posts a form as Twilio does, signed for the public URL Twilio would have called.</summary>
    public static async Task<HttpResponseMessage> PostAsync(ConversationsApp app, string path, Dictionary<string, string> form, string? authToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (authToken is not null)
        {
            request.Headers.Add("X-Twilio-Signature", Sign(PublicBase + path, form, authToken));
        }

        return await app.CreateClient().SendAsync(request);
    }

    private static Dictionary<string, string> Incoming(TwilioNumber number, string customer, string sid, string body) => new()
    {
        ["SmsMessageSid"] = sid,
        ["NumMedia"] = "0",
        ["ProfileName"] = "Ana García",
        ["MessageType"] = "text",
        ["SmsSid"] = sid,
        ["WaId"] = customer,
        ["SmsStatus"] = "received",
        ["Body"] = body,
        ["To"] = $"whatsapp:{number.Number}",
        ["NumSegments"] = "1",
        ["ReferralNumMedia"] = "0",
        ["MessageSid"] = sid,
        ["AccountSid"] = number.AccountSid,
        ["From"] = $"whatsapp:+{customer}",
        ["ApiVersion"] = "2010-04-01",
    };

    [Fact]
    public async Task Signed_incoming_message_is_stored_once_and_a_bad_signature_stores_nothing()
    {
        var tenant = await App.CreateTenantAsync("Twilio inbound");
        using var owner = await App.ClientOfAsync(tenant);
        var number = await Channels.ConnectTwilioAsync(owner);
        var form = Incoming(number, "5491155550000", "SM11111111111111111111111111111111", "Hola desde Twilio");

        using var forged = await PostAsync("/api/webhook/twilio", form, "not-the-token-0000000000000000000");
        using var first = await PostAsync("/api/webhook/twilio", form, number.AuthToken);
        using var again = await PostAsync("/api/webhook/twilio", form, number.AuthToken);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var messages = await Transcript.ReadAsync(owner, ConversationIds.For(tenant.BusinessId, "5491155550000"));
        var message = Assert.Single(messages);
        Assert.Equal("Hola desde Twilio", message.Text("body"));
        Assert.Equal("SM11111111111111111111111111111111", message.Text("providerMessageId"));
    }

    [Fact]
    public async Task Incoming_media_keeps_its_url_and_type()
    {
        var tenant = await App.CreateTenantAsync("Twilio media");
        using var owner = await App.ClientOfAsync(tenant);
        var number = await Channels.ConnectTwilioAsync(owner);
        var form = Incoming(number, "5491155550001", "SM22222222222222222222222222222222", "");
        form["Body"] = "";
        form["NumMedia"] = "1";
        form["MediaUrl0"] = $"https://api.twilio.com/2010-04-01/Accounts/{number.AccountSid}/Messages/SM2/Media/ME1";
        form["MediaContentType0"] = "image/jpeg";

        using var response = await PostAsync("/api/webhook/twilio", form, number.AuthToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await Transcript.ReadAsync(owner, ConversationIds.For(tenant.BusinessId, "5491155550001")));
        Assert.Equal("image", message.Text("kind"));
        Assert.Equal(form["MediaUrl0"], message.GetProperty("content").GetProperty("media").Text("providerMediaId"));
    }

    [Fact]
    public async Task Missing_fields_get_400_and_unknown_numbers_404()
    {
        var tenant = await App.CreateTenantAsync("Twilio bad input");
        using var owner = await App.ClientOfAsync(tenant);
        var number = await Channels.ConnectTwilioAsync(owner);
        var incomplete = Incoming(number, "1", "SM3", "x");
        incomplete.Remove("MessageSid");
        var unknown = Incoming(number, "1", "SM4", "x");
        unknown["To"] = "whatsapp:+15550000000";

        using var bad = await PostAsync("/api/webhook/twilio", incomplete, number.AuthToken);
        using var nobody = await PostAsync("/api/webhook/twilio", unknown, number.AuthToken);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("MessageSid", out _));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
    }

    [Fact]
    public async Task Reply_goes_through_the_twilio_sdk_and_status_callbacks_move_its_delivery()
    {
        var tenant = await App.CreateTenantAsync("Twilio outbound");
        using var owner = await App.ClientOfAsync(tenant);
        var number = await Channels.ConnectTwilioAsync(owner);
        using (var incoming = await PostAsync("/api/webhook/twilio", Incoming(number, "5491155550002", "SM55555555555555555555555555555555", "Turno?"), number.AuthToken))
        {
            incoming.EnsureSuccessStatusCode();
        }

        var conversation = ConversationIds.For(tenant.BusinessId, "5491155550002");
        using (var send = await Channels.SendTextAsync(owner, conversation, "Sí, mañana a las 10"))
        {
            send.EnsureSuccessStatusCode();
        }

        var sent = await Eventually.GetAsync(
            async () => (await Transcript.ReadAsync(owner, conversation))[^1], m => m.Delivery() == "sent", what: "sent via Twilio");
        var request = Assert.Single(fixture.Twilio.Requests, r => r.Body.Contains("5491155550002", StringComparison.Ordinal));
        Assert.Equal($"/2010-04-01/Accounts/{number.AccountSid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{number.AccountSid}:{number.AuthToken}")), request.Authorization);
        var form = System.Web.HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("whatsapp:+5491155550002", form["To"]);
        Assert.Equal($"whatsapp:{number.Number}", form["From"]);
        Assert.Equal("Sí, mañana a las 10", form["Body"]);
        Assert.Equal($"{PublicBase}/api/webhook/twilio/status", form["StatusCallback"]);

        var status = new Dictionary<string, string>
        {
            ["MessageSid"] = sent.Text("providerMessageId")!,
            ["MessageStatus"] = "undelivered",
            ["ErrorCode"] = "63016",
            ["ErrorMessage"] = "Outside the allowed window",
            ["From"] = $"whatsapp:{number.Number}",
            ["To"] = "whatsapp:+5491155550002",
            ["AccountSid"] = number.AccountSid,
        };
        using (var callback = await PostAsync("/api/webhook/twilio/status", status, number.AuthToken))
        {
            Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        }

        var failed = (await Transcript.ReadAsync(owner, conversation))[^1];
        Assert.Equal("failed", failed.Delivery());
        Assert.Equal("63016", failed.Text("deliveryErrorCode"));
    }

    [Fact]
    public async Task An_uploaded_file_on_a_twilio_number_fails_at_once_without_calling_twilio()
    {
        var tenant = await App.CreateTenantAsync("Twilio upload");
        using var owner = await App.ClientOfAsync(tenant);
        var number = await Channels.ConnectTwilioAsync(owner);
        using (var incoming = await PostAsync("/api/webhook/twilio", Incoming(number, "5491155550003", "SM66666666666666666666666666666666", "Carta?"), number.AuthToken))
        {
            incoming.EnsureSuccessStatusCode();
        }

        var conversation = ConversationIds.For(tenant.BusinessId, "5491155550003");
        var upload = await Media.MediaApiTests.UploadAsync(owner, Media.SampleFiles.Png, "carta.png", "image/png");
        using (var send = await owner.PostAsJsonAsync("/api/messages", new { conversationId = conversation, media = new { mediaId = upload.GetProperty("id").GetGuid() } }))
        {
            Assert.Equal(HttpStatusCode.Created, send.StatusCode);
        }

        var failed = await Eventually.GetAsync(
            async () => (await Transcript.ReadAsync(owner, conversation))[^1], m => m.Delivery() == "failed", what: "failed before Twilio");
        Assert.Equal("media_link_required", failed.Text("deliveryErrorCode"));
        Assert.DoesNotContain(fixture.Twilio.Requests, r => r.Body.Contains("5491155550003", StringComparison.Ordinal));
    }
}
