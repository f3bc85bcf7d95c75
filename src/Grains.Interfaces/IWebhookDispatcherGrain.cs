using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// Delivers one business's outbound webhooks (keyed by the business id): every second or two it reads what is new in
/// the transcript, the handling and status histories, booking events and payments after its stored cursors, turns it
/// into deliveries for the endpoints subscribed to each event type, and posts the due ones with backoff. A reminder
/// keeps it coming back while the business has an enabled endpoint; without one it stops.
/// </summary>
public interface IWebhookDispatcherGrain : IGrainWithGuidKey
{
    /// <summary>An endpoint was created, enabled or sent a test: make sure the dispatcher runs, and run a pass soon.</summary>
    [OneWay, AlwaysInterleave]
    Task StartAsync();
}
