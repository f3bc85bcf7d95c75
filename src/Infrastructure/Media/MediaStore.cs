using System.Security.Cryptography;
using Npgsql;

namespace Conversations.Infrastructure.Media;

/// <summary>Media bytes in PostgreSQL, the one store, each file owned by one business.</summary>
public sealed class MediaStore(NpgsqlDataSource dataSource)
{
    public async Task<Guid> SaveAsync(Guid businessId, byte[] bytes, string mimeType, string? fileName, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO media_files (id, business_id, mime_type, file_name, size_bytes, sha256, bytes)
            VALUES (@id, @business, @mime, @name, @size, @sha, @bytes)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("mime", mimeType);
        command.Parameters.AddWithValue("name", (object?)fileName ?? DBNull.Value);
        command.Parameters.AddWithValue("size", (long)bytes.Length);
        command.Parameters.AddWithValue("sha", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        command.Parameters.AddWithValue("bytes", bytes);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>The file, if it exists and belongs to the business.</summary>
    public async Task<StoredMediaFile?> FindAsync(Guid businessId, Guid mediaId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, mime_type, file_name, size_bytes, sha256, bytes FROM media_files WHERE id = @id AND business_id = @business
            """);
        command.Parameters.AddWithValue("id", mediaId);
        command.Parameters.AddWithValue("business", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredMediaFile(
            reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetInt64(3), reader.GetString(4), reader.GetFieldValue<byte[]>(5));
    }
}
