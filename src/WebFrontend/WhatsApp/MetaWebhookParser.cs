using System.Globalization;
using System.Text.Json;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.WebFrontend.WhatsApp;

/// <summary>
/// Reads the WhatsApp Cloud API webhook shape:
/// <c>{ object, entry: [ { id, changes: [ { field, value: { metadata, contacts, messages, statuses } } ] } ] }</c>.
/// See https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components.
/// </summary>
public static class MetaWebhookParser
{
    private static readonly string[] MediaKinds = ["image", "audio", "video", "document", "sticker"];

    public static MetaWebhookDelivery Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            throw new MetaWebhookFormatException("$", $"The body is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MetaWebhookFormatException("$", "The body must be a JSON object.");
            }

            if (RequiredString(root, "object", "object") != "whatsapp_business_account")
            {
                throw new MetaWebhookFormatException("object", "Only 'whatsapp_business_account' webhooks are accepted.");
            }

            var updates = new List<MetaNumberUpdate>();
            var entries = RequiredArray(root, "entry", "entry");
            for (var e = 0; e < entries.GetArrayLength(); e++)
            {
                var entry = entries[e];
                var changes = RequiredArray(entry, "changes", $"entry[{e}].changes");
                for (var c = 0; c < changes.GetArrayLength(); c++)
                {
                    var path = $"entry[{e}].changes[{c}]";
                    var change = changes[c];
                    if (change.ValueKind != JsonValueKind.Object)
                    {
                        throw new MetaWebhookFormatException(path, "A change must be an object.");
                    }

                    if (change.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String
                        && field.GetString() != "messages")
                    {
                        // Account and template notifications share this endpoint; they carry no messages.
                        continue;
                    }

                    updates.Add(ParseValue(RequiredObject(change, "value", $"{path}.value"), $"{path}.value"));
                }
            }

            return new MetaWebhookDelivery(updates);
        }
    }

    private static MetaNumberUpdate ParseValue(JsonElement value, string path)
    {
        var metadata = RequiredObject(value, "metadata", $"{path}.metadata");
        var phoneNumberId = RequiredString(metadata, "phone_number_id", $"{path}.metadata.phone_number_id");

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.TryGetProperty("contacts", out var contacts) && contacts.ValueKind == JsonValueKind.Array)
        {
            foreach (var contact in contacts.EnumerateArray())
            {
                if (Text(contact, "wa_id") is { } waId
                    && contact.TryGetProperty("profile", out var profile) && Text(profile, "name") is { } name)
                {
                    names[waId] = name;
                }
            }
        }

        var messages = new List<MetaInboundMessage>();
        foreach (var (message, index) in OptionalArray(value, "messages", path))
        {
            messages.Add(ParseMessage(message, $"{path}.messages[{index}]", names));
        }

        var statuses = new List<MetaDeliveryStatus>();
        foreach (var (status, index) in OptionalArray(value, "statuses", path))
        {
            if (ParseStatus(status, $"{path}.statuses[{index}]") is { } parsed)
            {
                statuses.Add(parsed);
            }
        }

        return new MetaNumberUpdate(phoneNumberId, messages, statuses);
    }

    private static MetaInboundMessage ParseMessage(JsonElement message, string path, Dictionary<string, string> names)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new MetaWebhookFormatException(path, "A message must be an object.");
        }

        var id = RequiredString(message, "id", $"{path}.id");
        var from = RequiredString(message, "from", $"{path}.from");
        var type = RequiredString(message, "type", $"{path}.type");
        var timestamp = UnixTime(RequiredString(message, "timestamp", $"{path}.timestamp"), $"{path}.timestamp");
        if (id.Length > 256 || from.Length > 32)
        {
            throw new MetaWebhookFormatException(id.Length > 256 ? $"{path}.id" : $"{path}.from", "The value is too long.");
        }

        string? contextId = null;
        if (message.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object)
        {
            contextId = Text(context, "id");
        }

        return new MetaInboundMessage(id, from, names.GetValueOrDefault(from), ParseContent(message, type, path), timestamp, contextId);
    }

    private static MessageContent ParseContent(JsonElement message, string type, string path)
    {
        if (type == "text")
        {
            var text = RequiredObject(message, "text", $"{path}.text");
            return new MessageContent("text", RequiredString(text, "body", $"{path}.text.body"));
        }

        if (MediaKinds.Contains(type))
        {
            var media = RequiredObject(message, type, $"{path}.{type}");
            return new MessageContent(
                type,
                Text(media, "caption"),
                new MediaAttachment(
                    RequiredString(media, "id", $"{path}.{type}.id"),
                    Text(media, "mime_type"),
                    Text(media, "filename"),
                    Text(media, "sha256"),
                    media.TryGetProperty("voice", out var voice) && voice.ValueKind == JsonValueKind.True));
        }

        switch (type)
        {
            case "location":
            {
                var location = RequiredObject(message, "location", $"{path}.location");
                return new MessageContent(
                    "location",
                    Text(location, "name"),
                    Location: new LocationShare(
                        RequiredNumber(location, "latitude", $"{path}.location.latitude"),
                        RequiredNumber(location, "longitude", $"{path}.location.longitude"),
                        Text(location, "name"),
                        Text(location, "address")));
            }

            case "contacts":
            {
                var cards = new List<ContactCard>();
                foreach (var (contact, _) in OptionalArray(message, "contacts", path))
                {
                    var name = contact.TryGetProperty("name", out var n) ? Text(n, "formatted_name") : null;
                    cards.Add(new ContactCard(
                        name ?? "",
                        Values(contact, "phones", "phone"),
                        Values(contact, "emails", "email")));
                }

                return new MessageContent("contacts", string.Join(", ", cards.Select(c => c.Name)), Contacts: cards);
            }

            case "interactive":
            {
                var interactive = RequiredObject(message, "interactive", $"{path}.interactive");
                var replyType = RequiredString(interactive, "type", $"{path}.interactive.type");
                if (replyType is "button_reply" or "list_reply")
                {
                    var reply = RequiredObject(interactive, replyType, $"{path}.interactive.{replyType}");
                    var title = RequiredString(reply, "title", $"{path}.interactive.{replyType}.title");
                    return new MessageContent(
                        "interactive",
                        title,
                        Reply: new InteractiveReply(RequiredString(reply, "id", $"{path}.interactive.{replyType}.id"), title, Text(reply, "description")));
                }

                return new MessageContent("interactive", Raw: message.GetRawText());
            }

            case "button":
            {
                var button = RequiredObject(message, "button", $"{path}.button");
                var text = RequiredString(button, "text", $"{path}.button.text");
                return new MessageContent("button", text, Reply: new InteractiveReply(Text(button, "payload") ?? text, text));
            }

            case "reaction":
            {
                var reaction = RequiredObject(message, "reaction", $"{path}.reaction");
                return new MessageContent(
                    "reaction",
                    Reaction: new ReactionMark(
                        RequiredString(reaction, "message_id", $"{path}.reaction.message_id"),
                        Text(reaction, "emoji") ?? ""));
            }

            default:
                // "unsupported", and types this code does not know yet: kept verbatim, never dropped.
                return new MessageContent(type, Raw: message.GetRawText());
        }
    }

    private static MetaDeliveryStatus? ParseStatus(JsonElement status, string path)
    {
        if (status.ValueKind != JsonValueKind.Object)
        {
            throw new MetaWebhookFormatException(path, "A status must be an object.");
        }

        var state = RequiredString(status, "status", $"{path}.status") switch
        {
            "sent" => DeliveryState.Sent,
            "delivered" => DeliveryState.Delivered,
            "read" => DeliveryState.Read,
            "failed" => DeliveryState.Failed,
            _ => (DeliveryState?)null,
        };
        if (state is null)
        {
            // Meta also reports "deleted" and "warning"; they do not move delivery.
            return null;
        }

        string? code = null;
        string? title = null;
        if (status.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var error = errors[0];
            code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number
                ? c.GetInt64().ToString(CultureInfo.InvariantCulture)
                : null;
            title = Text(error, "title") ?? Text(error, "message");
        }

        return new MetaDeliveryStatus(
            RequiredString(status, "id", $"{path}.id"),
            RequiredString(status, "recipient_id", $"{path}.recipient_id"),
            state.Value,
            UnixTime(RequiredString(status, "timestamp", $"{path}.timestamp"), $"{path}.timestamp"),
            code,
            title);
    }

    private static IEnumerable<(JsonElement Item, int Index)> OptionalArray(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var list))
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new MetaWebhookFormatException($"{path}.{name}", $"'{name}' must be an array.");
        }

        return list.EnumerateArray().Select((item, index) => (item, index)).ToList();
    }

    private static IReadOnlyList<string> Values(JsonElement parent, string arrayName, string property) =>
        parent.TryGetProperty(arrayName, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item => Text(item, property)).OfType<string>().ToList()
            : [];

    private static DateTimeOffset UnixTime(string text, string path)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new MetaWebhookFormatException(path, "The timestamp must be Unix seconds.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static double RequiredNumber(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || !value.TryGetDouble(out var number))
        {
            throw new MetaWebhookFormatException(path, $"'{name}' is required and must be a number.");
        }

        return number;
    }

    private static string RequiredString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(value.GetString()))
        {
            throw new MetaWebhookFormatException(path, $"'{name}' is required and must be a non-empty string.");
        }

        return value.GetString()!;
    }

    private static JsonElement RequiredArray(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.Array)
        {
            throw new MetaWebhookFormatException(path, $"'{name}' is required and must be an array.");
        }

        return value;
    }

    private static JsonElement RequiredObject(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new MetaWebhookFormatException(path, $"'{name}' is required and must be an object.");
        }

        return value;
    }
}
