using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Voice;

/// <summary>Audio messages as the transcription endpoint finds them, scoped to one business.</summary>
public sealed class VoiceMessages(TenantDatabase database)
{
    /// <summary>The message's conversation and stored audio; null when the business has no such message.</summary>
    public async Task<StoredAudio?> FindAsync(Guid businessId, Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT conversation_id, kind, (content->'media'->>'storedMediaId')::uuid
              FROM messages WHERE business_id = @b AND id = @id
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredAudio(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2))
            : null;
    }
}
