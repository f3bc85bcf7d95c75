namespace Conversations.Grains.Assistant;

/// <summary>The business as its assistant needs it.</summary>
/// <param name="Suspended">The platform suspended the business: its customers' messages are kept, but nobody answers them.</param>
public sealed record AssistantProfile(string BusinessName, string TimeZone, AssistantSettings Settings, bool Suspended = false);
