using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// Sends the queued messages of one number (keyed by <see cref="ChannelKeys"/>), oldest first, within the
/// number's rate limit, retrying transient failures with backoff. One activation per number in the cluster.
/// </summary>
public interface IChannelOutboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Something was queued or became due: drain what is due now. Interleaves so that, while a drain runs, a
    /// burst of wake-ups costs a flag each instead of queueing behind it.
    /// </summary>
    [OneWay, AlwaysInterleave]
    Task WakeAsync();
}
