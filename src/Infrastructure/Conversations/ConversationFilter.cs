namespace Conversations.Infrastructure.Conversations;

/// <summary>What an agent narrows the inbox to. Every field is optional.</summary>
/// <param name="Mode"><c>ai</c> or <c>human</c>.</param>
/// <param name="Status"><c>open</c>, <c>pending</c>, <c>snoozed</c> or <c>resolved</c>.</param>
/// <param name="Unassigned">Only conversations nobody is assigned to.</param>
/// <param name="AssigneeId">Only those assigned to this employee.</param>
/// <param name="UnreadOnly">Only those with customer messages after the team's read cursor.</param>
/// <param name="Search">Words that a message or the customer's name contains.</param>
public sealed record ConversationFilter(
    string? Mode = null,
    string? Status = null,
    bool Unassigned = false,
    Guid? AssigneeId = null,
    bool UnreadOnly = false,
    string? Label = null,
    string? Search = null);
