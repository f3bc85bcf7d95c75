using System.Security.Cryptography;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Media;

/// <summary>
/// The media files of every business: what each is in <c>media_files</c>, its bytes in the configured
/// <see cref="IMediaStorage"/>. Files stored before migration 0020 keep their bytes in their row (storage
/// <c>database</c>) and are read from there. Every read and delete is confined to the caller's business.
/// </summary>
public sealed partial class MediaStore(
    TenantDatabase database, IMediaStorage storage, MediaRemovals removals, TimeProvider time, ILogger<MediaStore> logger)
{
    /// <summary>Files kept in their own row (migrations 0007 to 0019).</summary>
    public const string DatabaseStorage = "database";

    private const string Columns = "id, business_id, mime_type, file_name, size_bytes, sha256, source, uploaded_by, created_at, storage, storage_key";

    /// <summary>Stores <paramref name="content"/> (read from its start; it must be seekable) as a new file of the business.</summary>
    public async Task<StoredMediaFile> SaveAsync(NewMedia media, Stream content, CancellationToken cancellationToken)
    {
        content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        var size = content.Length;
        content.Position = 0;

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var key = await storage.SaveAsync(media.BusinessId, id, content, cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(media.BusinessId, cancellationToken);
            await using var command = new NpgsqlCommand($"""
                INSERT INTO media_files (id, business_id, mime_type, file_name, size_bytes, sha256, bytes, storage, storage_key, source, uploaded_by, created_at)
                VALUES (@id, @business, @mime, @name, @size, @sha, NULL, @storage, @key, @source, @by, @at)
                RETURNING {Columns}
                """, connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("business", media.BusinessId);
            command.Parameters.AddWithValue("mime", media.MimeType);
            command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = (object?)media.FileName ?? DBNull.Value });
            command.Parameters.AddWithValue("size", size);
            command.Parameters.AddWithValue("sha", sha256);
            command.Parameters.AddWithValue("storage", storage.Name);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("source", media.Source);
            command.Parameters.Add(new NpgsqlParameter("by", NpgsqlDbType.Uuid) { Value = (object?)media.UploadedBy ?? DBNull.Value });
            command.Parameters.AddWithValue("at", now.ToUniversalTime());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return Read(reader);
        }
        catch
        {
            // Without its row the file is nobody's; the next write of the same id is impossible, so delete it now.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The file, if it exists and belongs to the business.</summary>
    public async Task<StoredMediaFile?> FindAsync(Guid businessId, Guid mediaId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM media_files WHERE id = @id AND business_id = @business", connection);
        command.Parameters.AddWithValue("id", mediaId);
        command.Parameters.AddWithValue("business", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The file's bytes, or null when they are missing (the file was deleted meanwhile, or lost).</summary>
    public async Task<Stream?> OpenReadAsync(StoredMediaFile file, CancellationToken cancellationToken)
    {
        if (file.Storage == DatabaseStorage)
        {
            await using var connection = await database.OpenAsync(file.BusinessId, cancellationToken);
            await using var command = new NpgsqlCommand("SELECT bytes FROM media_files WHERE id = @id AND business_id = @business", connection);
            command.Parameters.AddWithValue("id", file.Id);
            command.Parameters.AddWithValue("business", file.BusinessId);
            return await command.ExecuteScalarAsync(cancellationToken) is byte[] bytes ? new MemoryStream(bytes, writable: false) : null;
        }

        if (file.Storage != storage.Name || file.StorageKey is null)
        {
            LogUnknownStorage(file.Id, file.Storage);
            return null;
        }

        var content = await storage.OpenReadAsync(file.StorageKey, cancellationToken);
        if (content is null)
        {
            LogMissing(file.Id, file.BusinessId);
        }

        return content;
    }

    /// <summary>The business's uploads, newest first; <paramref name="kind"/> narrows them to images, audio, video or documents.</summary>
    public async Task<MediaPage> ListUploadsAsync(Guid businessId, string? kind, Guid? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM media_files
             WHERE business_id = @business AND source = 'upload'
               AND (@after::uuid IS NULL OR id < @after)
               AND (@kind::text IS NULL
                    OR (CASE WHEN @kind = 'document' THEN split_part(mime_type, '/', 1) NOT IN ('image', 'audio', 'video')
                             ELSE split_part(mime_type, '/', 1) = @kind END))
             ORDER BY id DESC
             LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Uuid) { Value = (object?)after ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = (object?)kind ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<StoredMediaFile>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        if (items.Count <= limit)
        {
            return new MediaPage(items, null);
        }

        items.RemoveAt(limit);
        return new MediaPage(items, items[^1].Id.ToString("N"));
    }

    /// <summary>
    /// Deletes the file of the business; false when there is none. The row goes first (a logo showing it is
    /// cleared with it), and the bytes follow through <see cref="MediaRemovals"/>, at once and, should that fail,
    /// on its next round.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid businessId, Guid mediaId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM media_files WHERE id = @id AND business_id = @business", connection);
        command.Parameters.AddWithValue("id", mediaId);
        command.Parameters.AddWithValue("business", businessId);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await removals.TrySweepAsync(cancellationToken);
        return true;
    }

    private static StoredMediaFile Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetInt64(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetGuid(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10));

    [LoggerMessage(Level = LogLevel.Error, Message = "Media {MediaId} of business {BusinessId} has a row but no bytes in storage")]
    private partial void LogMissing(Guid mediaId, Guid businessId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media {MediaId} is kept in storage {Storage}, which this node does not have")]
    private partial void LogUnknownStorage(Guid mediaId, string storage);
}
