using Conversations.Grains.Interfaces.Models;
using Npgsql;

namespace Conversations.Infrastructure.Conversations;

/// <summary>Reads transcripts for the API. Every query is scoped to one business.</summary>
public sealed class MessageQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A page of a conversation's messages in sequence order: those after <paramref name="afterSequence"/>
    /// (catching up), or the newest ones before <paramref name="beforeSequence"/> (paging back).
    /// </summary>
    public async Task<IReadOnlyList<MessageView>> ListAsync(
        Guid businessId, Guid conversationId, long? afterSequence, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        var paging = afterSequence is not null
            ? "AND sequence > @after ORDER BY sequence ASC"
            : "AND sequence < @before ORDER BY sequence DESC";
        await using var command = dataSource.CreateCommand($"""
            SELECT id, conversation_id, sequence, direction, sender, kind, body, provider_message_id, sent_at, stored_at
            FROM messages
            WHERE business_id = @business AND conversation_id = @conversation {paging}
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("after", afterSequence ?? 0);
        command.Parameters.AddWithValue("before", beforeSequence ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", limit);

        var messages = new List<MessageView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new MessageView(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetInt64(2),
                reader.GetString(3) == "inbound" ? MessageDirection.Inbound : MessageDirection.Outbound,
                ParseSender(reader.GetString(4)),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateTimeOffset>(9)));
        }

        if (afterSequence is null)
        {
            messages.Reverse();
        }

        return messages;
    }

    /// <summary>Whether the conversation exists and belongs to the business.</summary>
    public async Task<bool> ConversationExistsAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM conversations WHERE id = @conversation AND business_id = @business)");
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static MessageSender ParseSender(string sender) => sender switch
    {
        "customer" => MessageSender.Customer,
        "assistant" => MessageSender.Assistant,
        "employee" => MessageSender.Employee,
        _ => MessageSender.System,
    };
}
