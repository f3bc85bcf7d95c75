using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Knowledge;

/// <summary>A business's FAQ articles: CRUD, and the list owners browse and search.</summary>
public sealed class KnowledgeArticles(TenantDatabase database, TimeProvider time)
{
    private const string Columns = "id, title, body, tags, is_published, created_by, updated_by, created_at, updated_at";

    public async Task<KnowledgeArticle> CreateAsync(Guid businessId, Guid authorId, KnowledgeArticleDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO knowledge_articles (id, business_id, title, body, tags, is_published, created_by, updated_by, created_at, updated_at)
            VALUES (@id, @business, @title, @body, @tags, @published, @author, @author, @at, @at)
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("title", draft.Title);
        command.Parameters.AddWithValue("body", draft.Body);
        command.Parameters.AddWithValue("tags", draft.Tags.ToArray());
        command.Parameters.AddWithValue("published", draft.IsPublished);
        command.Parameters.AddWithValue("author", authorId);
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    /// <summary>
    /// The business's articles, published or not, newest change first. With <paramref name="search"/>, those that
    /// contain all its words (web-search syntax: "quoted phrases", or, -not), best match first; with
    /// <paramref name="tag"/>, those so tagged.
    /// </summary>
    public async Task<KnowledgeArticlePage> ListAsync(
        Guid businessId, string? search, string? tag, int offset, int limit, CancellationToken cancellationToken)
    {
        var order = search is null
            ? "updated_at DESC, id DESC"
            : "ts_rank_cd(search, websearch_to_tsquery('english', @search)) DESC, updated_at DESC, id DESC";
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM knowledge_articles
            WHERE business_id = @business
              AND (@tag::text IS NULL OR tags @> ARRAY[@tag::text])
              AND (@search::text IS NULL OR search @@ websearch_to_tsquery('english', @search))
            ORDER BY {order}
            OFFSET @offset LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.Add(new NpgsqlParameter("search", NpgsqlDbType.Text) { Value = (object?)search ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("tag", NpgsqlDbType.Text) { Value = (object?)tag ?? DBNull.Value });
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = await ReadAsync(command, cancellationToken);
        return items.Count <= limit
            ? new KnowledgeArticlePage(items, null)
            : new KnowledgeArticlePage(items.Take(limit).ToList(), offset + limit);
    }

    public async Task<KnowledgeArticle?> FindAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM knowledge_articles WHERE business_id = @business AND id = @id", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <returns>The article as changed, or <c>null</c> when the business has no such article.</returns>
    public async Task<KnowledgeArticle?> UpdateAsync(
        Guid businessId, Guid id, Guid editorId, KnowledgeArticleChanges changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE knowledge_articles
            SET title = coalesce(@title, title), body = coalesce(@body, body), tags = coalesce(@tags, tags),
                is_published = coalesce(@published, is_published), updated_by = @editor, updated_at = @at
            WHERE business_id = @business AND id = @id
            RETURNING {Columns}
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("editor", editorId);
        command.Parameters.Add(new NpgsqlParameter("title", NpgsqlDbType.Text) { Value = (object?)changes.Title ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Text) { Value = (object?)changes.Body ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("tags", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)changes.Tags?.ToArray() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("published", NpgsqlDbType.Boolean) { Value = (object?)changes.IsPublished ?? DBNull.Value });
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM knowledge_articles WHERE business_id = @business AND id = @id", connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<List<KnowledgeArticle>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var list = new List<KnowledgeArticle>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new KnowledgeArticle(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<string[]>(3),
                reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetGuid(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return list;
    }
}
