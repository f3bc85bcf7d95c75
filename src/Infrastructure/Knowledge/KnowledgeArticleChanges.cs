namespace Conversations.Infrastructure.Knowledge;

/// <summary>The fields of an article to change, validated; null leaves a field as it is.</summary>
public sealed record KnowledgeArticleChanges(string? Title, string? Body, IReadOnlyList<string>? Tags, bool? IsPublished);
