namespace Conversations.Grains.Assistant;

/// <summary>A business's FAQ articles, searched with PostgreSQL full-text search to answer customers' questions.</summary>
public interface IKnowledgeBase
{
    /// <summary>
    /// The business's published articles that answer the question best, most relevant first. Only articles that
    /// cover the question well enough to answer from are returned, so an empty list means "we do not know".
    /// </summary>
    Task<IReadOnlyList<KnowledgeMatch>> SearchAsync(Guid businessId, string question, int limit, CancellationToken cancellationToken);
}
