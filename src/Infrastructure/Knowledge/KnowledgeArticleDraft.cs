namespace Conversations.Infrastructure.Knowledge;

/// <summary>A new article's fields, validated (see <see cref="KnowledgeFields"/>).</summary>
public sealed record KnowledgeArticleDraft(string Title, string Body, IReadOnlyList<string> Tags, bool IsPublished);
