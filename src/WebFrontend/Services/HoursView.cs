namespace Conversations.WebFrontend.Services;

public sealed record HoursView(string Weekday, string Opens, string Closes);
