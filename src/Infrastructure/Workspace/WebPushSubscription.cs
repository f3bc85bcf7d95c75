namespace Conversations.Infrastructure.Workspace;

/// <summary>A browser's push subscription, as the Push API's <c>PushSubscription.toJSON()</c> gives it.</summary>
public sealed record WebPushSubscription(string Endpoint, string P256dh, string Auth);
