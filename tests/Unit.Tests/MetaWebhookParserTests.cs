using System.Text;
using Conversations.TestSupport;
using Conversations.WebFrontend.WhatsApp;

namespace Conversations.Unit.Tests;

public sealed class MetaWebhookParserTests
{
    private static MetaWebhookDelivery Parse(string json) => MetaWebhookParser.Parse(Encoding.UTF8.GetBytes(json));

    private static string FieldAtFault(string json) => Assert.Throws<MetaWebhookFormatException>(() => Parse(json)).Field;

    [Fact]
    public void Text_message_carries_sender_profile_name_and_time()
    {
        var delivery = Parse(MetaWebhooks.TextMessages(
            "100000000000001", new MetaWebhooks.TextMessage("34611111111", "wamid.1", "Hola", "Ana", 1_764_000_000)));

        var update = Assert.Single(delivery.Updates);
        Assert.Equal("100000000000001", update.PhoneNumberId);
        var message = Assert.Single(update.Messages);
        Assert.Equal("wamid.1", message.Id);
        Assert.Equal("34611111111", message.From);
        Assert.Equal("Ana", message.ProfileName);
        Assert.Equal("text", message.Content.Kind);
        Assert.Equal("Hola", message.Content.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000), message.Timestamp);
    }

    [Fact]
    public void Several_messages_keep_their_order()
    {
        var delivery = Parse(MetaWebhooks.TextMessages(
            "1",
            new MetaWebhooks.TextMessage("a", "wamid.1", "first"),
            new MetaWebhooks.TextMessage("a", "wamid.2", "second")));

        Assert.Equal(["wamid.1", "wamid.2"], delivery.Updates[0].Messages.Select(m => m.Id));
    }

    [Fact]
    public void Statuses_carry_state_recipient_and_error()
    {
        var delivery = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
              "metadata":{"phone_number_id":"7"},"statuses":[
                {"id":"wamid.1","status":"read","timestamp":"1700000000","recipient_id":"5511"},
                {"id":"wamid.2","status":"failed","timestamp":"1700000001","recipient_id":"5511",
                 "errors":[{"code":131047,"title":"Re-engagement message"}]},
                {"id":"wamid.3","status":"deleted","timestamp":"1700000002","recipient_id":"5511"}]}}]}]}
            """);

        var update = Assert.Single(delivery.Updates);
        Assert.Empty(update.Messages);
        Assert.Equal(2, update.Statuses.Count);
        Assert.Equal(Grains.Interfaces.Models.DeliveryState.Read, update.Statuses[0].State);
        Assert.Equal("5511", update.Statuses[0].RecipientId);
        Assert.Equal(("131047", "Re-engagement message"), (update.Statuses[1].ErrorCode, update.Statuses[1].ErrorTitle));
    }

    [Fact]
    public void Media_caption_becomes_the_body()
    {
        var delivery = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
              "metadata":{"phone_number_id":"7"},
              "messages":[{"from":"5","id":"wamid.9","timestamp":"1","type":"image","image":{"id":"m1","caption":"my hand"}}]}}]}]}
            """);

        var message = Assert.Single(delivery.Updates[0].Messages);
        Assert.Equal("image", message.Content.Kind);
        Assert.Equal("my hand", message.Content.Text);
        Assert.Equal("m1", message.Content.Media!.ProviderMediaId);
    }

    [Fact]
    public void Changes_of_other_fields_are_skipped()
    {
        var delivery = Parse("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"account_update","value":{"event":"VERIFIED"}}]}]}
            """);

        Assert.Empty(delivery.Updates);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{"object":"page","entry":[]}""", "object")]
    [InlineData("""{"object":"whatsapp_business_account"}""", "entry")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{}}]}]}""",
        "entry[0].changes[0].value.metadata")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"metadata":{"phone_number_id":"1"},"messages":[{"from":"1","timestamp":"1","type":"text","text":{"body":"x"}}]}}]}]}""",
        "entry[0].changes[0].value.messages[0].id")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"metadata":{"phone_number_id":"1"},"messages":[{"id":"w","from":"1","timestamp":"soon","type":"text","text":{"body":"x"}}]}}]}]}""",
        "entry[0].changes[0].value.messages[0].timestamp")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"metadata":{"phone_number_id":"1"},"messages":[{"id":"w","from":"1","timestamp":"1","type":"text"}]}}]}]}""",
        "entry[0].changes[0].value.messages[0].text")]
    public void Malformed_body_names_the_field_at_fault(string json, string field)
    {
        Assert.Equal(field, FieldAtFault(json));
    }
}
