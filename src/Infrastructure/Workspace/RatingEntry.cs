namespace Conversations.Infrastructure.Workspace;

/// <summary>One customer's rating of a conversation, with their comment if they left one.</summary>
public sealed record RatingEntry(Guid ConversationId, Guid? EmployeeId, int Rating, string? Comment, DateTimeOffset RatedAt);
