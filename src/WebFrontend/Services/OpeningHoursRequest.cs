namespace Conversations.WebFrontend.Services;

/// <summary>The business's opening hours and dated exceptions, replaced whole.</summary>
public sealed record OpeningHoursRequest(IReadOnlyList<HoursRequest>? WeeklyHours, IReadOnlyList<ExceptionRequest>? Exceptions);
