namespace Conversations.Infrastructure.Automation;

/// <summary>An SLA policy as the API shows it; the first enabled policy (by <see cref="Position"/>) that fits a conversation applies.</summary>
public sealed record SlaPolicyView(
    Guid Id,
    string Name,
    string? Priority,
    int FirstResponseMinutes,
    int? ResolutionMinutes,
    int WarningPercent,
    bool BusinessHoursOnly,
    int Position,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
