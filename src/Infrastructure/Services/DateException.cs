namespace Conversations.Infrastructure.Services;

/// <summary>A date that differs from the week: closed (no hours) or open at other hours.</summary>
public sealed record DateException(DateOnly Day, TimeOnly? Opens, TimeOnly? Closes, string Reason);
