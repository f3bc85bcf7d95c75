using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Workspace;

/// <summary>Internal notes, scoped to one business.</summary>
public sealed class NoteStore(TenantDatabase database, TimeProvider time)
{
    private const string Columns = "id, conversation_id, author_id, body, mentions, created_at, updated_at";

    public async Task<NoteView> AddAsync(Guid businessId, Guid conversationId, Guid authorId, string body, IReadOnlyList<Guid> mentions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var note = new NoteView(Guid.CreateVersion7(), conversationId, authorId, body, mentions, now, now);
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO notes (id, business_id, conversation_id, author_id, body, mentions, created_at, updated_at)
            VALUES (@id, @business, @conversation, @author, @body, @mentions, @at, @at)
            """, connection);
        command.Parameters.AddWithValue("id", note.Id);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("author", authorId);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("mentions", mentions.ToArray());
        command.Parameters.AddWithValue("at", now.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return note;
    }

    public async Task<IReadOnlyList<NoteView>> ListAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM notes
            WHERE business_id = @business AND conversation_id = @conversation AND deleted_at IS NULL
            ORDER BY created_at
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<NoteView?> FindAsync(Guid businessId, Guid noteId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM notes WHERE business_id = @business AND id = @id AND deleted_at IS NULL", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", noteId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<NoteView?> EditAsync(Guid businessId, Guid noteId, string body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE notes SET body = @body, updated_at = @at
            WHERE business_id = @business AND id = @id AND deleted_at IS NULL
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", noteId);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid noteId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE notes SET deleted_at = @at WHERE business_id = @business AND id = @id AND deleted_at IS NULL", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", noteId);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<NoteView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var notes = new List<NoteView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(new NoteView(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<Guid[]>(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return notes;
    }
}
