using System.Globalization;
using Conversations.Grains.Interfaces.Models;
using Conversations.WebFrontend.WhatsApp;

namespace Conversations.WebFrontend.Twilio;

/// <summary>
/// Reads Twilio's form-encoded WhatsApp webhooks: incoming messages
/// (https://www.twilio.com/docs/messaging/guides/webhook-request) and status callbacks.
/// </summary>
public static class TwilioWebhookParser
{
    public static TwilioInbound ParseMessage(IReadOnlyDictionary<string, string> form)
    {
        var sid = Required(form, "MessageSid");
        var from = Required(form, "From");
        var to = Required(form, "To");
        var customer = form.GetValueOrDefault("WaId") is { Length: > 0 } waId ? waId : Number(from);
        var body = form.GetValueOrDefault("Body") is { Length: > 0 } text ? text : null;

        MessageContent content;
        var mediaCount = form.GetValueOrDefault("NumMedia") is { Length: > 0 } count
            ? int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new MetaWebhookFormatException("NumMedia", "Must be a whole number.")
            : 0;
        if (mediaCount > 0)
        {
            var url = Required(form, "MediaUrl0");
            var type = form.GetValueOrDefault("MediaContentType0") ?? "application/octet-stream";
            var kind = type switch
            {
                "image/webp" => "sticker",
                _ when type.StartsWith("image/", StringComparison.Ordinal) => "image",
                _ when type.StartsWith("audio/", StringComparison.Ordinal) => "audio",
                _ when type.StartsWith("video/", StringComparison.Ordinal) => "video",
                _ => "document",
            };
            content = new MessageContent(kind, body, new MediaAttachment(url, type, IsVoice: kind == "audio" && type.Contains("ogg", StringComparison.Ordinal)));
        }
        else if (form.GetValueOrDefault("Latitude") is { Length: > 0 } latitude && form.GetValueOrDefault("Longitude") is { Length: > 0 } longitude)
        {
            content = new MessageContent(
                "location",
                form.GetValueOrDefault("Label"),
                Location: new LocationShare(Coordinate(latitude, "Latitude"), Coordinate(longitude, "Longitude"),
                    form.GetValueOrDefault("Label"), form.GetValueOrDefault("Address")));
        }
        else if (form.GetValueOrDefault("ButtonText") is { Length: > 0 } buttonText)
        {
            content = new MessageContent("button", buttonText, Reply: new InteractiveReply(form.GetValueOrDefault("ButtonPayload") ?? buttonText, buttonText));
        }
        else if (body is not null)
        {
            content = MessageContent.PlainText(body);
        }
        else
        {
            content = new MessageContent("unsupported", Raw: System.Text.Json.JsonSerializer.Serialize(form));
        }

        return new TwilioInbound(
            sid, Number(to), customer, form.GetValueOrDefault("ProfileName"), content, form.GetValueOrDefault("OriginalRepliedMessageSid"));
    }

    /// <returns>The status, or <c>null</c> for states that do not move delivery (queued, sending, accepted...).</returns>
    public static TwilioStatus? ParseStatus(IReadOnlyDictionary<string, string> form)
    {
        var sid = Required(form, "MessageSid");
        var from = Required(form, "From");
        var to = Required(form, "To");
        var state = Required(form, "MessageStatus") switch
        {
            "sent" => DeliveryState.Sent,
            "delivered" => DeliveryState.Delivered,
            "read" => DeliveryState.Read,
            "failed" or "undelivered" => DeliveryState.Failed,
            _ => (DeliveryState?)null,
        };
        return state is null
            ? null
            : new TwilioStatus(sid, Number(from), Number(to), state.Value, form.GetValueOrDefault("ErrorCode"), form.GetValueOrDefault("ErrorMessage"));
    }

    public static bool IsStatusCallback(IReadOnlyDictionary<string, string> form) =>
        form.ContainsKey("MessageStatus") && !form.ContainsKey("NumMedia") && !form.ContainsKey("Body");

    /// <summary><c>whatsapp:+14155238886</c> → <c>+14155238886</c>.</summary>
    public static string Number(string address) =>
        address.StartsWith("whatsapp:", StringComparison.Ordinal) ? address["whatsapp:".Length..] : address;

    private static string Required(IReadOnlyDictionary<string, string> form, string field) =>
        form.GetValueOrDefault(field) is { Length: > 0 } value
            ? value
            : throw new MetaWebhookFormatException(field, $"'{field}' is required.");

    private static double Coordinate(string value, string field) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new MetaWebhookFormatException(field, "Must be a number.");
}
