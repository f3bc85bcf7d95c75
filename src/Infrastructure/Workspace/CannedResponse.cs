namespace Conversations.Infrastructure.Workspace;

/// <summary>A reply agents reuse: typed as <c>/shortcode</c> in the composer.</summary>
public sealed record CannedResponse(
    Guid Id, string Shortcode, string Title, string Body, long UsageCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
