namespace Conversations.Infrastructure.Knowledge;

/// <summary>One page of articles and the offset of the next page (null on the last).</summary>
public sealed record KnowledgeArticlePage(IReadOnlyList<KnowledgeArticle> Items, int? NextOffset);
