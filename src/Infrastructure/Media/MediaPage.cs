namespace Conversations.Infrastructure.Media;

/// <summary>A page of uploads, newest first, and the cursor of the next page (null on the last).</summary>
public sealed record MediaPage(IReadOnlyList<StoredMediaFile> Items, string? NextCursor);
