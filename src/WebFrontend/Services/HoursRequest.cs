namespace Conversations.WebFrontend.Services;

/// <summary>Open on a weekday ("monday" … "sunday") from <see cref="Opens"/> to <see cref="Closes"/> ("09:00").</summary>
public sealed record HoursRequest(string? Weekday, string? Opens, string? Closes);
