namespace Conversations.Infrastructure.Knowledge;

/// <summary>
/// An FAQ article of a business. Published articles are what the assistant answers customers' questions from;
/// unpublished ones are drafts only employees see.
/// </summary>
public sealed record KnowledgeArticle(
    Guid Id,
    string Title,
    string Body,
    IReadOnlyList<string> Tags,
    bool IsPublished,
    Guid? CreatedBy,
    Guid? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
