namespace Conversations.Infrastructure.Roles;

/// <summary>A role as created, changed or deleted, or why not.</summary>
/// <param name="Holders">
/// The employees (active or invited) who hold the role after the change: their employee grains must load it again,
/// so their tokens of the old version or name stop counting.
/// </param>
/// <param name="PreviousName">The role's name before the change, whose cached permissions are stale now.</param>
public sealed record RoleOutcome(RoleView? Role, RoleRefusal? Refusal, IReadOnlyList<Guid> Holders, string? PreviousName = null)
{
    public static RoleOutcome Refused(RoleRefusal refusal) => new(null, refusal, []);
}
