namespace Conversations.Grains.Assistant;

/// <summary>The business as its assistant needs it.</summary>
public sealed record AssistantProfile(string BusinessName, string TimeZone, AssistantSettings Settings);
