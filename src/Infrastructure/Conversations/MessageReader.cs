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

    /// <param name="offset">Where the <see cref="Columns"/> start in the row.</param>
    public static MessageView Read(NpgsqlDataReader reader, int offset = 0)
    {
        int At(int column) => offset + column;

        var kind = reader.GetString(At(5));
        var body = reader.IsDBNull(At(6)) ? null : reader.GetString(At(6));
        var content = reader.IsDBNull(At(10))
            ? new MessageContent(kind, body)
            : MessageContentJson.Deserialize(reader.GetString(At(10)));
        return new MessageView(
            reader.GetGuid(At(0)),
            reader.GetGuid(At(1)),
            reader.GetInt64(At(2)),
            reader.GetString(At(3)) == "inbound" ? MessageDirection.Inbound : MessageDirection.Outbound,
            StoredNames.Sender(reader.GetString(At(4))),
            kind,
            body,
            reader.IsDBNull(At(7)) ? null : reader.GetString(At(7)),
            reader.GetFieldValue<DateTimeOffset>(At(8)),
            reader.GetFieldValue<DateTimeOffset>(At(9)),
            content,
            reader.IsDBNull(At(11)) ? null : StoredNames.Delivery(reader.GetString(At(11))),
            reader.IsDBNull(At(12)) ? null : reader.GetString(At(12)),
            reader.IsDBNull(At(13)) ? null : reader.GetString(At(13)),
            reader.IsDBNull(At(14)) ? null : reader.GetGuid(At(14)),
            reader.IsDBNull(At(15)) ? null : reader.GetString(At(15)),
            reader.IsDBNull(At(16)) ? null : JsonSerializer.Deserialize<List<MessageReaction>>(reader.GetString(At(16)), MessageContentJson.Options));
    }
}
