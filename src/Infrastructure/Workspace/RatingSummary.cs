namespace Conversations.Infrastructure.Workspace;

/// <summary>Ratings of one employee (or, with no employee, of conversations nobody handled).</summary>
public sealed record RatingSummary(Guid? EmployeeId, int Count, double Average);
