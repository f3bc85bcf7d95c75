namespace Conversations.Infrastructure.Activity;

/// <summary>Which entries to list: at or after <see cref="From"/>, before <see cref="To"/>, of an action and an employee.</summary>
/// <param name="Action">An exact action, or a prefix ending in <c>.</c> (<c>auth.</c>: every login entry).</param>
public sealed record ActivityFilter(DateTimeOffset? From, DateTimeOffset? To, string? Action, Guid? EmployeeId);
