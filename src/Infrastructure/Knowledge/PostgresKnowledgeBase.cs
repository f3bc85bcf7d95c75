using Conversations.Grains.Assistant;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Infrastructure.Knowledge;

/// <summary>
/// Answers a customer's question from the business's published articles with PostgreSQL full-text search.
/// A question is seldom worded like the article that answers it ("what are your opening hours on sunday?" for
/// "Opening hours", whose body mentions Sunday), so requiring every word, as <c>plainto_tsquery</c> does, would
/// find nothing. Instead the question's lexemes (stemmed by the english configuration, stop words gone) are ORed,
/// articles are ranked by <c>ts_rank_cd</c> with the column's weights (title, then body, then tags), and only
/// those that contain at least <see cref="KnowledgeOptions.MinCoverage"/> of the lexemes are returned.
/// </summary>
public sealed class PostgresKnowledgeBase(TenantDatabase database, IOptions<KnowledgeOptions> options) : IKnowledgeBase
{
    // Each lexeme is written as a quoted tsquery operand (quotes and backslashes doubled) and the text cast to
    // tsquery: to_tsquery would stem the stems again, and an unquoted lexeme could read as an operator.
    // ts_rank_cd's weights are listed D, C, B, A. No lexeme at all (empty, or only stop words): no row.
    private const string Sql = """
        WITH question AS (
            SELECT q.lexemes,
                   (SELECT string_agg('''' || replace(replace(l, '\', '\\'), '''', '''''') || '''', ' | ')
                      FROM unnest(q.lexemes) AS l)::tsquery AS query
              FROM (SELECT tsvector_to_array(to_tsvector('english', @question)) AS lexemes) AS q
             WHERE cardinality(q.lexemes) > 0
        )
        SELECT id, title, body, rank, coverage FROM (
            SELECT a.id, a.title, a.body, a.updated_at,
                   ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', a.search, question.query)::float8 AS rank,
                   (SELECT count(*) FROM unnest(question.lexemes) AS l WHERE l = ANY (tsvector_to_array(a.search)))::float8
                       / cardinality(question.lexemes) AS coverage
              FROM knowledge_articles a CROSS JOIN question
             WHERE a.business_id = @business AND a.is_published AND a.search @@ question.query
        ) AS matches
        WHERE coverage >= @minCoverage
        ORDER BY rank DESC, coverage DESC, updated_at DESC, id
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<KnowledgeMatch>> SearchAsync(Guid businessId, string question, int limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question) || limit < 1)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("question", KnowledgeFields.Searchable(question));
        command.Parameters.AddWithValue("minCoverage", options.Value.MinCoverage);
        command.Parameters.AddWithValue("limit", limit);
        var matches = new List<KnowledgeMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new KnowledgeMatch(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4)));
        }

        return matches;
    }
}
