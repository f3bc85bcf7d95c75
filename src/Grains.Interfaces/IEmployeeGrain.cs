using Conversations.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// One employee's security state, keyed by employee id: whether they are active, their role (and its version), and which of
/// their sessions are live. Every authenticated request asks it whether its access token still counts,
/// so deactivating an employee or revoking a session takes effect at once rather than when tokens expire.
/// It is the writer of those facts: it changes the <c>employees</c> and <c>employee_sessions</c> rows
/// and its memory together, and loads both from those rows on activation, so there is one truth.
/// </summary>
public interface IEmployeeGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Whether an access token of this employee for <paramref name="sessionId"/>, carrying
    /// <paramref name="role"/> at <paramref name="roleVersion"/>, is still good: the employee is active, the session
    /// live, the role current and, for a business's own role, unchanged since the token was issued (a system role's
    /// version is 0).
    /// </summary>
    [ReadOnly]
    Task<bool> IsTokenValidAsync(Guid sessionId, string role, int roleVersion);

    /// <summary>Learns of a session that login has just stored.</summary>
    Task SessionStartedAsync(Guid sessionId);

    /// <summary>Revokes these sessions of this employee; returns those that were live.</summary>
    Task<Guid[]> RevokeSessionsAsync(Guid[] sessionIds);

    /// <summary>Revokes every live session except <paramref name="keep"/> (all when <c>null</c>); returns them.</summary>
    Task<Guid[]> RevokeOtherSessionsAsync(Guid? keep);

    /// <summary>Gives the employee of <paramref name="businessId"/> a new role, unless that leaves it without an owner.</summary>
    Task<EmployeeChangeResult> ChangeRoleAsync(Guid businessId, string role);

    /// <summary>Deactivates the employee of <paramref name="businessId"/> and revokes every session, unless they are its last owner.</summary>
    Task<EmployeeChangeResult> DeactivateAsync(Guid businessId);

    /// <summary>A hub connection of this employee opened (and counts as a heartbeat).</summary>
    Task ConnectedAsync(string connectionId);

    /// <summary>The connection is still there; without one for two minutes it stops counting.</summary>
    Task HeartbeatAsync(string connectionId);

    Task DisconnectedAsync(string connectionId);

    /// <summary>The employee says they are away (or back) while connected.</summary>
    Task SetAwayAsync(bool away);

    [ReadOnly]
    Task<Presence> GetPresenceAsync();

    /// <summary>
    /// Reads the employee's state again, after a change made elsewhere (an accepted invitation, a change of the
    /// business's role they hold).
    /// </summary>
    Task ReloadAsync();
}
