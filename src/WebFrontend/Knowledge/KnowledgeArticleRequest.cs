namespace Conversations.WebFrontend.Knowledge;

/// <summary>
/// An article to write, or the fields to change (null: unchanged). <see cref="Tags"/> replaces the article's
/// tags as a whole; an empty list clears them. New articles are published unless <see cref="IsPublished"/> is false.
/// </summary>
public sealed record KnowledgeArticleRequest(string? Title, string? Body, IReadOnlyList<string?>? Tags, bool? IsPublished);
