using System.Text.Json;
using Conversations.Grains.Interfaces.Models;
using Npgsql;

namespace Conversations.Infrastructure.Conversations;

/// <summary>Reads <see cref="MessageView"/>s from rows selected with <see cref="Columns"/>.</summary>
public static class MessageReader
{
    /// <summary>The select list every message query uses, with the message's reactions aggregated.</summary>
    public const string Columns = """
        m.id, m.conversation_id, m.sequence, m.direction, m.sender, m.kind, m.body, m.provider_message_id,
        m.sent_at, m.stored_at, m.content, m.delivery_state, m.delivery_error_code, m.delivery_error_title,
        m.sender_employee_id, m.reply_to_provider_message_id,
        (SELECT json_agg(json_build_object('reactor', r.reactor, 'emoji', r.emoji) ORDER BY r.reacted_at)
         FROM message_reactions r WHERE r.message_id = m.id) AS reactions
        """;

    public static MessageView Read(NpgsqlDataReader reader)
    {
        var kind = reader.GetString(5);
        var body = reader.IsDBNull(6) ? null : reader.GetString(6);
        var content = reader.IsDBNull(10)
            ? new MessageContent(kind, body)
            : MessageContentJson.Deserialize(reader.GetString(10));
        return new MessageView(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetInt64(2),
            reader.GetString(3) == "inbound" ? MessageDirection.Inbound : MessageDirection.Outbound,
            StoredNames.Sender(reader.GetString(4)),
            kind,
            body,
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateTimeOffset>(9),
            content,
            reader.IsDBNull(11) ? null : StoredNames.Delivery(reader.GetString(11)),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13),
            reader.IsDBNull(14) ? null : reader.GetGuid(14),
            reader.IsDBNull(15) ? null : reader.GetString(15),
            reader.IsDBNull(16) ? null : JsonSerializer.Deserialize<List<MessageReaction>>(reader.GetString(16), MessageContentJson.Options));
    }
}
