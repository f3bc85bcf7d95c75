using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Services;

namespace Conversations.Infrastructure.Settings;

/// <summary>Everything <c>GET /api/settings</c> shows of a business, read at one moment.</summary>
/// <param name="Language">A BCP 47 tag: the language customers are answered in.</param>
/// <param name="Hours">The business's own opening hours and exceptions (those of no service).</param>
/// <param name="AwayMessage">What customers are told outside opening hours; null for nothing.</param>
/// <param name="LogoMediaId">An image among the business's media files.</param>
/// <param name="PrimaryColor">#RRGGBB, upper case; null for the dashboard's own.</param>
public sealed record BusinessSettings(
    string Name,
    string TimeZone,
    string Language,
    OpeningSchedule Hours,
    string? AwayMessage,
    AssistantSettingsView Ai,
    Guid? LogoMediaId,
    string? PrimaryColor,
    string? AccentColor);
