namespace Conversations.Infrastructure.Workspace;

/// <summary>How a business's inbox behaves.</summary>
/// <param name="AnnounceAgentJoined">Tell the customer when an employee takes the conversation over.</param>
/// <param name="OnboardingCompleted">The owner finished (or dismissed) the dashboard's getting-started steps.</param>
public sealed record WorkspaceSettings(bool AnnounceAgentJoined = false, bool OnboardingCompleted = false);
