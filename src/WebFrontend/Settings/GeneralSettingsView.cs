using Conversations.WebFrontend.Services;

namespace Conversations.WebFrontend.Settings;

/// <param name="BusinessHours">The same hours and exceptions as <c>/api/availability/hours</c>.</param>
/// <param name="AwayMessage">What customers are told outside business hours; null for nothing.</param>
public sealed record GeneralSettingsView(string Name, string TimeZone, string Language, OpeningHoursView BusinessHours, string? AwayMessage);
