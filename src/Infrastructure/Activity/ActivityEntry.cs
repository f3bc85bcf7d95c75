using System.Net;

namespace Conversations.Infrastructure.Activity;

/// <summary>One thing someone did, as the activity log keeps it.</summary>
/// <param name="BusinessId">Null for what belongs to no business, e.g. a failed login for an unknown address.</param>
/// <param name="EmployeeId">Who did it; null when no employee did (or none is known).</param>
/// <param name="Action">What was done, as <c>area.verb</c> (<see cref="ActivityActions"/>).</param>
/// <param name="Details">A small object serialized to JSON. Never a secret, a password or a token.</param>
public sealed record ActivityEntry(
    Guid? BusinessId,
    Guid? EmployeeId,
    string Action,
    string? TargetType,
    string? TargetId,
    object? Details,
    IPAddress? Ip,
    string? UserAgent,
    DateTimeOffset At);
