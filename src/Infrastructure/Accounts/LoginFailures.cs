namespace Conversations.Infrastructure.Accounts;

/// <summary>Failed logins of one account within the current window, and until when it is locked.</summary>
public sealed record LoginFailures(int Failures, DateTimeOffset WindowStartedAt, DateTimeOffset? LockedUntil)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;
}
