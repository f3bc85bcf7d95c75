using System.Net;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Channels;

/// <summary>Every WhatsApp message type, in the shape of Meta's documented webhook examples, is stored faithfully.</summary>
[Collection(ChannelsCollection.Name)]
public sealed class MetaInboundTypesTests(ChannelsFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private async Task<JsonElement> StoreOneAsync(string messageJson, string customer = "16315551181")
    {
        var tenant = await App.CreateTenantAsync("Types");
        using var response = await App.PostWebhookAsync(
            MetaWebhooks.Delivery(tenant.PhoneNumberId, $"[{messageJson}]", contactsJson: $$"""[{"profile":{"name":"Kerry Fisher"},"wa_id":"{{customer}}"}]"""),
            tenant.AppSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var client = await App.ClientOfAsync(tenant);
        return Assert.Single(await Transcript.ReadAsync(client, ConversationIds.For(tenant.BusinessId, customer)));
    }

    [Fact]
    public async Task Image_keeps_media_id_type_hash_and_caption()
    {
        var message = await StoreOneAsync("""
            {"from":"16315551181","id":"wamid.img1","timestamp":"1504902988","type":"image",
             "image":{"caption":"This is a caption","mime_type":"image/jpeg","sha256":"81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3","id":"2754859441498128"}}
            """);

        Assert.Equal("image", message.Text("kind"));
        Assert.Equal("This is a caption", message.Text("body"));
        var media = message.GetProperty("content").GetProperty("media");
        Assert.Equal("2754859441498128", media.Text("providerMediaId"));
        Assert.Equal("image/jpeg", media.Text("mimeType"));
        Assert.Equal("81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3", media.Text("sha256"));
    }

    [Fact]
    public async Task Voice_note_is_audio_marked_as_voice()
    {
        var message = await StoreOneAsync("""
            {"from":"16315551181","id":"wamid.voice1","timestamp":"1504902988","type":"audio",
             "audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"abc","id":"1003383421387256","voice":true}}
            """);

        Assert.Equal("audio", message.Text("kind"));
        Assert.True(message.GetProperty("content").GetProperty("media").GetProperty("isVoice").GetBoolean());
    }

    [Theory]
    [InlineData("video", """{"mime_type":"video/mp4","sha256":"v","id":"526929769895990","caption":"clip"}""", "clip")]
    [InlineData("document", """{"filename":"invoice.pdf","mime_type":"application/pdf","sha256":"d","id":"1374536373430430","caption":"my invoice"}""", "my invoice")]
    [InlineData("sticker", """{"mime_type":"image/webp","sha256":"s","id":"3372457576401829","animated":false}""", null)]
    public async Task Other_media_types_are_stored_with_their_media(string type, string media, string? caption)
    {
        var message = await StoreOneAsync($$"""
            {"from":"16315551181","id":"wamid.{{type}}1","timestamp":"1504902988","type":"{{type}}","{{type}}":{{media}}}
            """);

        Assert.Equal(type, message.Text("kind"));
        Assert.Equal(caption, message.Text("body"));
        Assert.NotNull(message.GetProperty("content").GetProperty("media").Text("providerMediaId"));
        if (type == "document")
        {
            Assert.Equal("invoice.pdf", message.GetProperty("content").GetProperty("media").Text("fileName"));
        }
    }

    [Fact]
    public async Task Location_keeps_coordinates_name_and_address()
    {
        var message = await StoreOneAsync("""
            {"from":"16315551181","id":"wamid.loc1","timestamp":"1504902988","type":"location",
             "location":{"latitude":38.9806263495,"longitude":-131.9428612257,"name":"Philz Coffee","address":"101 Forest Ave, Palo Alto, CA 94301"}}
            """);

        var location = message.GetProperty("content").GetProperty("location");
        Assert.Equal(38.9806263495, location.GetProperty("latitude").GetDouble(), 8);
        Assert.Equal(-131.9428612257, location.GetProperty("longitude").GetDouble(), 8);
        Assert.Equal("Philz Coffee", location.Text("name"));
        Assert.Equal("101 Forest Ave, Palo Alto, CA 94301", location.Text("address"));
    }

    [Fact]
    public async Task Shared_contacts_keep_names_phones_and_emails()
    {
        var message = await StoreOneAsync("""
            {"from":"16315551181","id":"wamid.contacts1","timestamp":"1504902988","type":"contacts",
             "contacts":[{"addresses":[],"emails":[{"email":"john@example.com","type":"WORK"}],
               "name":{"first_name":"John","formatted_name":"John Smith","last_name":"Smith"},
               "phones":[{"phone":"+1 (940) 555-1234","wa_id":"19405551234","type":"WORK"}]}]}
            """);

        var card = message.GetProperty("content").GetProperty("contacts")[0];
        Assert.Equal("John Smith", card.Text("name"));
        Assert.Equal("+1 (940) 555-1234", card.GetProperty("phones")[0].GetString());
        Assert.Equal("john@example.com", card.GetProperty("emails")[0].GetString());
    }

    [Theory]
    [InlineData("button_reply", """{"id":"slot-10am","title":"10:00"}""", "slot-10am", "10:00")]
    [InlineData("list_reply", """{"id":"celtic-cross","title":"Celtic Cross","description":"60 min"}""", "celtic-cross", "Celtic Cross")]
    public async Task Interactive_replies_keep_the_chosen_option(string replyType, string reply, string id, string title)
    {
        var message = await StoreOneAsync($$"""
            {"context":{"from":"15550001111","id":"wamid.question"},"from":"16315551181","id":"wamid.{{replyType}}","timestamp":"1504902988",
             "type":"interactive","interactive":{"type":"{{replyType}}","{{replyType}}":{{reply}} } }
            """);

        Assert.Equal("interactive", message.Text("kind"));
        Assert.Equal(title, message.Text("body"));
        Assert.Equal(id, message.GetProperty("content").GetProperty("reply").Text("id"));
        Assert.Equal("wamid.question", message.Text("replyToProviderMessageId"));
    }

    [Fact]
    public async Task Template_quick_reply_button_keeps_payload()
    {
        var message = await StoreOneAsync("""
            {"context":{"from":"15550001111","id":"wamid.template"},"from":"16315551181","id":"wamid.button1","timestamp":"1504902988",
             "type":"button","button":{"text":"Yes, confirm","payload":"confirm-booking"}}
            """);

        Assert.Equal("button", message.Text("kind"));
        Assert.Equal("Yes, confirm", message.Text("body"));
        Assert.Equal("confirm-booking", message.GetProperty("content").GetProperty("reply").Text("id"));
    }

    [Fact]
    public async Task Unsupported_message_is_kept_with_its_raw_payload()
    {
        var message = await StoreOneAsync("""
            {"from":"16315551181","id":"wamid.unsupported1","timestamp":"1504902988","type":"unsupported",
             "errors":[{"code":131051,"details":"Message type is not currently supported","title":"Unsupported message type"}]}
            """);

        Assert.Equal("unsupported", message.Text("kind"));
        using var raw = JsonDocument.Parse(message.GetProperty("content").Text("raw")!);
        Assert.Equal(131051, raw.RootElement.GetProperty("errors")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Reaction_is_attached_to_the_message_it_reacts_to_and_can_be_removed()
    {
        var tenant = await App.CreateTenantAsync("Reactions");
        await App.CustomerWritesAsync(tenant, "16315551181", "wamid.original", "Can I book tomorrow?");
        var reaction = (string emoji, string id) => MetaWebhooks.Delivery(tenant.PhoneNumberId, $$"""
            [{"from":"16315551181","id":"{{id}}","timestamp":"{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}","type":"reaction",
              "reaction":{"message_id":"wamid.original","emoji":"{{emoji}}"} }]
            """);

        using (var response = await App.PostWebhookAsync(reaction("\uD83D\uDC4D", "wamid.reaction1"), tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        using var client = await App.ClientOfAsync(tenant);
        var conversation = ConversationIds.For(tenant.BusinessId, "16315551181");
        var original = Assert.Single(await Transcript.ReadAsync(client, conversation));
        var shown = Assert.Single(original.GetProperty("reactions").EnumerateArray());
        Assert.Equal("\uD83D\uDC4D", shown.Text("emoji"));
        Assert.Equal("16315551181", shown.Text("reactor"));

        using (var removed = await App.PostWebhookAsync(reaction("", "wamid.reaction2"), tenant.AppSecret))
        {
            removed.EnsureSuccessStatusCode();
        }

        original = Assert.Single(await Transcript.ReadAsync(client, conversation));
        Assert.Equal(JsonValueKind.Null, original.GetProperty("reactions").ValueKind);
    }

    [Fact]
    public async Task Several_entries_changes_and_messages_in_one_delivery_are_all_stored()
    {
        var first = await App.CreateTenantAsync("Multi one");
        var body = $$"""
            {"object":"whatsapp_business_account","entry":[
              {"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"{{first.PhoneNumberId}}"},
                "messages":[{"from":"111","id":"wamid.m1","timestamp":"1700000000","type":"text","text":{"body":"a"} },
                            {"from":"222","id":"wamid.m2","timestamp":"1700000000","type":"text","text":{"body":"b"} }]} },
                {"field":"messages","value":{"metadata":{"phone_number_id":"{{first.PhoneNumberId}}"},
                "messages":[{"from":"111","id":"wamid.m3","timestamp":"1700000001","type":"text","text":{"body":"c"} }]} }]},
              {"id":"2","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"{{first.PhoneNumberId}}"},
                "messages":[{"from":"333","id":"wamid.m4","timestamp":"1700000002","type":"text","text":{"body":"d"} }]} }]}]}
            """;

        using var response = await App.PostWebhookAsync(body, first.AppSecret);

        response.EnsureSuccessStatusCode();
        Assert.Equal(4, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE business_id = @b", ("b", first.BusinessId)));
        Assert.Equal(3, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE business_id = @b", ("b", first.BusinessId)));
    }

    [Fact]
    public async Task Every_delivery_is_logged_with_its_outcome_and_no_body()
    {
        var tenant = await App.CreateTenantAsync("Logged");
        await App.CustomerWritesAsync(tenant, "444", "wamid.logged1", "secret words");
        using (var rejected = await App.PostWebhookAsync(MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("444", "wamid.logged2", "x")), "wrong"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        var outcomes = await Eventually.GetAsync(
            () => fixture.Database.ScalarAsync<string>(
                "SELECT coalesce(string_agg(outcome || ':' || status_code, ',' ORDER BY id), '') FROM webhook_logs WHERE business_id = @b",
                ("b", tenant.BusinessId)),
            value => value.Split(',').Length >= 2,
            what: "two webhook log rows");
        Assert.Equal("accepted:200,unauthorized:401", outcomes);
    }
}
