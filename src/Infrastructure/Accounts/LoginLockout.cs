namespace Conversations.Infrastructure.Accounts;

/// <summary>
/// The lockout rule: <c>threshold</c> failures within <c>window</c> lock the account for <c>duration</c>.
/// Failures while locked do not extend the lock, so an attacker cannot keep a victim out indefinitely
/// by trying once per lock period faster than it ends; a new window starts after the lock.
/// </summary>
public static class LoginLockout
{
    public static LoginFailures AfterFailure(LoginFailures? current, DateTimeOffset now, int threshold, TimeSpan window, TimeSpan duration)
    {
        if (current is not null && current.IsLocked(now))
        {
            return current;
        }

        var fresh = current is null || now - current.WindowStartedAt >= window || current.LockedUntil is not null;
        var failures = fresh ? 1 : current!.Failures + 1;
        var started = fresh ? now : current!.WindowStartedAt;
        return new LoginFailures(failures, started, failures >= threshold ? now + duration : null);
    }
}
