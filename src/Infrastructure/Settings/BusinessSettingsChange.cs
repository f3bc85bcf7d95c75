using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Services;

namespace Conversations.Infrastructure.Settings;

/// <summary>New values for a business's settings; a null section (<see cref="Hours"/>, <see cref="Ai"/>) is left as it is.</summary>
public sealed record BusinessSettingsChange(
    string Name,
    string TimeZone,
    string Language,
    OpeningSchedule? Hours,
    string? AwayMessage,
    AssistantSettingsChange? Ai,
    Guid? LogoMediaId,
    string? PrimaryColor,
    string? AccentColor);
