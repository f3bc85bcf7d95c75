namespace Conversations.WebFrontend.Services;

public sealed record ExceptionView(string Date, string? Opens, string? Closes, string Reason);
