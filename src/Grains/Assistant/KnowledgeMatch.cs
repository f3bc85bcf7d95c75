namespace Conversations.Grains.Assistant;

/// <summary>An article found for a question.</summary>
/// <param name="Coverage">The share (0..1) of the question's meaningful words the article contains.</param>
public sealed record KnowledgeMatch(Guid ArticleId, string Title, string Body, double Rank, double Coverage);
