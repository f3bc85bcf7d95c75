using System.Text.Json;

namespace Conversations.TestSupport;

/// <summary>Builds WhatsApp Cloud API webhook bodies as Meta sends them.</summary>
public static class MetaWebhooks
{
    public sealed record TextMessage(string From, string Id, string Body, string? ProfileName = null, long Timestamp = 1_764_000_000);

    public static string TextMessages(string phoneNumberId, params TextMessage[] messages) =>
        JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[]
            {
                new
                {
                    id = "102290129340398",
                    changes = new[]
                    {
                        new
                        {
                            field = "messages",
                            value = new
                            {
                                messaging_product = "whatsapp",
                                metadata = new { display_phone_number = "15550001111", phone_number_id = phoneNumberId },
                                contacts = messages.Where(m => m.ProfileName is not null).DistinctBy(m => m.From)
                                    .Select(m => new { profile = new { name = m.ProfileName }, wa_id = m.From }).ToArray(),
                                messages = messages.Select(m => new
                                {
                                    from = m.From,
                                    id = m.Id,
                                    timestamp = m.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                    type = "text",
                                    text = new { body = m.Body },
                                }).ToArray(),
                            },
                        },
                    },
                },
            },
        });

    /// <summary>A delivery for one number with the given raw <c>messages</c> and <c>statuses</c> JSON arrays.</summary>
    public static string Delivery(string phoneNumberId, string messagesJson = "[]", string statusesJson = "[]", string contactsJson = "[]") => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp",
          "metadata":{"display_phone_number":"15550001111","phone_number_id":"{{{phoneNumberId}}}"},
          "contacts":{{{contactsJson}}},
          "messages":{{{messagesJson}}},
          "statuses":{{{statusesJson}}}
        """ + "}}]}]}";

    /// <summary>A <c>statuses</c> entry as Meta sends it.</summary>
    public static string Status(string messageId, string recipient, string status, long timestamp, int? errorCode = null, string? errorTitle = null) =>
        errorCode is null
            ? $$$"""{"id":"{{{messageId}}}","status":"{{{status}}}","timestamp":"{{{timestamp}}}","recipient_id":"{{{recipient}}}","conversation":{"id":"c1","origin":{"type":"service"}},"pricing":{"billable":true,"pricing_model":"CBP","category":"service"}}"""
            : $$$"""{"id":"{{{messageId}}}","status":"{{{status}}}","timestamp":"{{{timestamp}}}","recipient_id":"{{{recipient}}}","errors":[{"code":{{{errorCode}}},"title":"{{{errorTitle}}}","message":"{{{errorTitle}}}","error_data":{"details":"{{{errorTitle}}}"}}]}""";
}
