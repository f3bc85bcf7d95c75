namespace Conversations.Infrastructure.Accounts;

/// <summary>A pending employee and the token their invitation e-mail carries.</summary>
public sealed record Invitation(EmployeeProfile Employee, string Token);
