using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Workspace;

public sealed class CannedResponseStore(TenantDatabase database, TimeProvider time)
{
    private const string Columns = "id, shortcode, title, body, usage_count, created_at, updated_at";

    /// <returns>The new response, or <c>null</c> when the business already uses the shortcode.</returns>
    public async Task<CannedResponse?> CreateAsync(Guid businessId, Guid authorId, string shortcode, string title, string body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO canned_responses (id, business_id, shortcode, title, body, created_by, created_at, updated_at)
            VALUES (@id, @business, @shortcode, @title, @body, @author, @at, @at)
            ON CONFLICT (business_id, shortcode) DO NOTHING
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("shortcode", shortcode);
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("author", authorId);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The business's responses, most used first; with a search, those whose shortcode or title contains it.</summary>
    public async Task<IReadOnlyList<CannedResponse>> ListAsync(Guid businessId, string? search, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM canned_responses
            WHERE business_id = @business
              AND (@search IS NULL OR shortcode LIKE '%' || @search || '%' OR title ILIKE '%' || @search || '%')
            ORDER BY usage_count DESC, shortcode
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.Add(new NpgsqlParameter("search", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)search ?? DBNull.Value });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<CannedResponse?> FindAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM canned_responses WHERE business_id = @business AND id = @id", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <returns>The updated response; <c>null</c> when missing. Throws <see cref="PostgresException"/> 23505 on a taken shortcode.</returns>
    public async Task<CannedResponse?> UpdateAsync(Guid businessId, Guid id, string? shortcode, string? title, string? body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE canned_responses
            SET shortcode = coalesce(@shortcode, shortcode), title = coalesce(@title, title), body = coalesce(@body, body), updated_at = @at
            WHERE business_id = @business AND id = @id
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.Add(new NpgsqlParameter("shortcode", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)shortcode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("title", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)title ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("body", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)body ?? DBNull.Value });
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM canned_responses WHERE business_id = @business AND id = @id", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Counts one use; returns the response as it now stands.</summary>
    public async Task<CannedResponse?> CountUseAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE canned_responses SET usage_count = usage_count + 1
            WHERE business_id = @business AND id = @id
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<CannedResponse>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<CannedResponse>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new CannedResponse(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return list;
    }
}
