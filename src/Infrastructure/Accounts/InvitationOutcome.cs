namespace Conversations.Infrastructure.Accounts;

/// <summary>An invitation made, or why not.</summary>
public sealed record InvitationOutcome(Invitation? Invitation, InvitationRefusal? Refusal);
