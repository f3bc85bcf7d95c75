namespace Conversations.Infrastructure.Accounts;

/// <summary>What presenting a refresh token led to.</summary>
public abstract record RefreshOutcome
{
    private RefreshOutcome()
    {
    }

    /// <summary>The token was spent and replaced by <see cref="Session"/>'s next one.</summary>
    public sealed record Rotated(EmployeeAccount Employee, StartedSession Session) : RefreshOutcome;

    /// <summary>
    /// An already spent token came back: someone holds a copy. Its whole family (the session) has been
    /// revoked in the database; the employee grain must hear of it too.
    /// </summary>
    public sealed record Reused(Guid EmployeeId, Guid SessionId) : RefreshOutcome;

    /// <summary>Unknown, expired or revoked token, or an employee no longer active.</summary>
    public sealed record Refused : RefreshOutcome;
}
