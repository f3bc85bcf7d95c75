namespace Conversations.Grains.Businesses;

/// <summary>Open or closed at a moment, and until when that stays so.</summary>
/// <param name="Until">When the business next closes (open) or opens (closed); null when it has no hours at all and is always open.</param>
/// <param name="AwayMessage">What customers are told while it is closed; null for nothing.</param>
public sealed record OpeningStatus(bool Open, DateTimeOffset? Until, string? AwayMessage)
{
    public static readonly OpeningStatus AlwaysOpen = new(true, null, null);
}
