namespace Conversations.WebFrontend.Tests.Integrations;

/// <summary>One POST the receiver got: where, its webhook headers, its body, and what it answered.</summary>
public sealed record ReceivedWebhook(string Path, string? Id, string? Timestamp, string? Signature, string Body, int StatusCode);
