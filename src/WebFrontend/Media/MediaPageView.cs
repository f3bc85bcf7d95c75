namespace Conversations.WebFrontend.Media;

/// <summary>A page of the business's uploads, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record MediaPageView(IReadOnlyList<MediaView> Items, string? NextCursor);
