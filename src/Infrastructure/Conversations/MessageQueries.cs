using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Conversations;

/// <summary>Reads transcripts for the API. Every query is scoped to one business.</summary>
public sealed class MessageQueries(TenantDatabase database)
{
    /// <summary>
    /// A page of a conversation's messages in sequence order: those after <paramref name="afterSequence"/>
    /// (catching up), or the newest ones before <paramref name="beforeSequence"/> (paging back).
    /// </summary>
    public async Task<IReadOnlyList<MessageView>> ListAsync(
        Guid businessId, Guid conversationId, long? afterSequence, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        var paging = afterSequence is not null
            ? "AND m.sequence > @after ORDER BY m.sequence ASC"
            : "AND m.sequence < @before ORDER BY m.sequence DESC";
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {MessageReader.Columns}
            FROM messages m
            WHERE m.business_id = @business AND m.conversation_id = @conversation {paging}
            LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("after", afterSequence ?? 0);
        command.Parameters.AddWithValue("before", beforeSequence ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", limit);

        var messages = new List<MessageView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(MessageReader.Read(reader));
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
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM conversations WHERE id = @conversation AND business_id = @business)", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
