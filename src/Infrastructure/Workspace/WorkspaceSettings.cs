namespace Conversations.Infrastructure.Workspace;

/// <summary>How a business's inbox behaves.</summary>
/// <param name="AnnounceAgentJoined">Tell the customer when an employee takes the conversation over.</param>
public sealed record WorkspaceSettings(bool AnnounceAgentJoined = false);
