using System.Globalization;
using System.Text;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Conversations;

/// <summary>The inbox: conversations of one business, newest activity first, with keyset pagination.</summary>
public sealed class ConversationQueries(TenantDatabase database)
{
    private const string Select = $"""
        SELECT c.id, c.customer_wa_id, c.customer_name, c.mode, c.status, c.assignee_id, c.labels, c.created_at,
               c.last_message_at, c.last_sequence, c.last_read_sequence, c.snoozed_until,
               (SELECT count(*) FROM messages u
                WHERE u.conversation_id = c.id AND u.direction = 'inbound' AND u.sequence > c.last_read_sequence)::int AS unread,
               {MessageReader.Columns}
        FROM conversations c
        LEFT JOIN LATERAL (
            SELECT * FROM messages x WHERE x.conversation_id = c.id ORDER BY x.sequence DESC LIMIT 1) m ON true
        """;

    public async Task<ConversationPage> ListAsync(
        Guid businessId, ConversationFilter filter, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("WHERE c.business_id = @business");
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("business", businessId);
        if (filter.Mode is { } mode)
        {
            where.Append(" AND c.mode = @mode");
            command.Parameters.AddWithValue("mode", mode);
        }

        if (filter.Status is { } status)
        {
            where.Append(" AND c.status = @status");
            command.Parameters.AddWithValue("status", status);
        }

        if (filter.Unassigned)
        {
            where.Append(" AND c.assignee_id IS NULL");
        }
        else if (filter.AssigneeId is { } assignee)
        {
            where.Append(" AND c.assignee_id = @assignee");
            command.Parameters.AddWithValue("assignee", assignee);
        }

        if (filter.UnreadOnly)
        {
            where.Append("""
                 AND EXISTS (SELECT 1 FROM messages u WHERE u.conversation_id = c.id AND u.direction = 'inbound'
                             AND u.sequence > c.last_read_sequence)
                """);
        }

        if (filter.Label is { } label)
        {
            where.Append(" AND c.labels @> ARRAY[@label]");
            command.Parameters.AddWithValue("label", label);
        }

        if (filter.Search is { } search)
        {
            // The GIN index finds matching messages across the table; the business filter keeps them ours.
            where.Append("""
                 AND (c.customer_name ILIKE '%' || @search_like || '%' OR c.customer_wa_id LIKE @search_like || '%'
                      OR c.id IN (SELECT s.conversation_id FROM messages s
                                  WHERE s.business_id = @business
                                    AND to_tsvector('simple', coalesce(s.body, '')) @@ plainto_tsquery('simple', @search)))
                """);
            command.Parameters.AddWithValue("search", search);
            command.Parameters.AddWithValue("search_like", EscapeLike(search));
        }

        if (Decode(cursor) is var (lastAt, lastId))
        {
            where.Append(" AND (c.last_message_at, c.id) < (@cursor_at, @cursor_id)");
            command.Parameters.AddWithValue("cursor_at", lastAt);
            command.Parameters.AddWithValue("cursor_id", lastId);
        }

        command.CommandText = $"{Select} {where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit";
        command.Parameters.AddWithValue("limit", limit + 1);

        var items = await ReadAsync(command, cancellationToken);
        var hasMore = items.Count > limit;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new ConversationPage(items, hasMore ? Encode(items[^1]) : null);
    }

    public async Task<ConversationSummary?> FindAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"{Select} WHERE c.business_id = @business AND c.id = @id", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", conversationId);
        var items = await ReadAsync(command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>Whether the conversation is the business's: the tenant check of calls that only name it.</summary>
    public async Task<bool> BelongsAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM conversations WHERE business_id = @business AND id = @id)", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>The conversation's changes of hands, oldest first.</summary>
    public async Task<IReadOnlyList<AssignmentRecord>> AssignmentsAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, action, actor_id, from_employee, to_employee, mode, at FROM conversation_assignments
            WHERE business_id = @business AND conversation_id = @id ORDER BY id
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", conversationId);
        var records = new List<AssignmentRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new AssignmentRecord(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return records;
    }

    /// <summary>Moves the team's read cursor forward (never back); <c>false</c> when the conversation is not the business's.</summary>
    public async Task<bool> MarkReadAsync(Guid businessId, Guid conversationId, long? upToSequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE conversations
            SET last_read_sequence = GREATEST(last_read_sequence, LEAST(coalesce(@sequence, last_sequence), last_sequence))
            WHERE business_id = @business AND id = @id
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.Add(new NpgsqlParameter("sequence", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)upToSequence ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<List<ConversationSummary>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<ConversationSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ConversationSummary(
                reader.GetGuid(0),
                new CustomerSummary(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.GetFieldValue<string[]>(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetInt64(9),
                reader.GetInt64(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                reader.GetInt32(12),
                reader.IsDBNull(13) ? null : MessageReader.Read(reader, 13)));
        }

        return items;
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static string Encode(ConversationSummary last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{last.LastMessageAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{last.Id:N}"));

    /// <returns>The position a cursor names, or <c>null</c> for no cursor.</returns>
    /// <exception cref="FormatException">The cursor was not made by this API.</exception>
    public static (DateTimeOffset At, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception exception) when (exception is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new FormatException("Not a cursor this API returned.", exception);
        }
    }
}
