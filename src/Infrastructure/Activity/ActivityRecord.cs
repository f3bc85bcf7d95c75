using System.Text.Json;

namespace Conversations.Infrastructure.Activity;

/// <summary>An entry of the activity log as owners and admins read it.</summary>
public sealed record ActivityRecord(
    long Id,
    DateTimeOffset At,
    string Action,
    Guid? EmployeeId,
    string? EmployeeName,
    string? TargetType,
    string? TargetId,
    JsonElement Details,
    string? Ip,
    string? UserAgent);
