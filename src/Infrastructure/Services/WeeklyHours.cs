namespace Conversations.Infrastructure.Services;

/// <summary>Open from <see cref="Opens"/> to <see cref="Closes"/> (local time) on an ISO weekday (1 = Monday … 7 = Sunday).</summary>
public sealed record WeeklyHours(int Weekday, TimeOnly Opens, TimeOnly Closes);
