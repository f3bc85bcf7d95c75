namespace Conversations.Infrastructure.Activity;

/// <summary>One page of the activity log, newest first, and the cursor of the next page (null on the last).</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityRecord> Items, string? NextCursor);
