namespace Conversations.Infrastructure.Integrations;

/// <summary>A table events are read from: its cursor's name, the id a new cursor starts after, and its query.</summary>
public sealed record WebhookSource(string Name, string ZeroId, string Sql);
