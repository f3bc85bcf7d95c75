namespace Conversations.Infrastructure.Automation;

/// <summary>A policy's validated fields, all of them (the API merges a change with what is stored first).</summary>
public sealed record SlaPolicyDraft(
    string Name,
    string? Priority,
    int FirstResponseMinutes,
    int? ResolutionMinutes,
    int WarningPercent,
    bool BusinessHoursOnly,
    bool Enabled);
