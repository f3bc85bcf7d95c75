using System.Globalization;
using System.Text.Json;

namespace Conversations.WebFrontend.WhatsApp;

/// <summary>
/// Reads the WhatsApp Cloud API webhook shape:
/// <c>{ object, entry: [ { id, changes: [ { field, value: { metadata, contacts, messages, statuses } } ] } ] }</c>.
/// See https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components.
/// </summary>
public static class MetaWebhookParser
{
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
                if (contact.ValueKind == JsonValueKind.Object
                    && contact.TryGetProperty("wa_id", out var waId) && waId.ValueKind == JsonValueKind.String
                    && contact.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object
                    && profile.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    names[waId.GetString()!] = name.GetString()!;
                }
            }
        }

        var messages = new List<MetaInboundMessage>();
        if (value.TryGetProperty("messages", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new MetaWebhookFormatException($"{path}.messages", "'messages' must be an array.");
            }

            for (var m = 0; m < list.GetArrayLength(); m++)
            {
                messages.Add(ParseMessage(list[m], $"{path}.messages[{m}]", names));
            }
        }

        return new MetaNumberUpdate(phoneNumberId, messages);
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
        var timestampText = RequiredString(message, "timestamp", $"{path}.timestamp");
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new MetaWebhookFormatException($"{path}.timestamp", "The timestamp must be Unix seconds.");
        }

        if (id.Length > 256 || from.Length > 32)
        {
            throw new MetaWebhookFormatException(id.Length > 256 ? $"{path}.id" : $"{path}.from", "The value is too long.");
        }

        string? body = null;
        if (type == "text")
        {
            var text = RequiredObject(message, "text", $"{path}.text");
            body = RequiredString(text, "body", $"{path}.text.body");
        }
        else if (message.TryGetProperty(type, out var media) && media.ValueKind == JsonValueKind.Object
                 && media.TryGetProperty("caption", out var caption) && caption.ValueKind == JsonValueKind.String)
        {
            body = caption.GetString();
        }

        return new MetaInboundMessage(
            id, from, names.GetValueOrDefault(from), type, body, DateTimeOffset.FromUnixTimeSeconds(seconds));
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
