namespace Conversations.Infrastructure.Conversations;

/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; <c>null</c> on the last page.</param>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, string? NextCursor);
