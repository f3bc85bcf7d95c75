namespace Conversations.Grains.Channels;

/// <summary>
/// Spaces sends on a grid of 1 / rate. A send may start late within its slot (timers fire late on a busy
/// machine) without moving the grid, which keeps the full rate; one that is a whole slot late re-anchors the
/// grid at now, so late sends never catch up in a burst. Either way every one-second window holds at most
/// rate + 1 send starts. Used inside one grain activation, so it needs no locking.
/// </summary>
public sealed class SendPacer(double messagesPerSecond, TimeProvider time)
{
    private readonly TimeSpan interval = TimeSpan.FromSeconds(1 / messagesPerSecond);
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;

    /// <summary>Completes when the caller may send, and takes that slot.</summary>
    public async Task WaitTurnAsync()
    {
        while (true)
        {
            var now = time.GetUtcNow();
            if (now >= nextSlot)
            {
                nextSlot = now - nextSlot < interval ? nextSlot + interval : now + interval;
                return;
            }

            await Task.Delay(nextSlot - now, time);
        }
    }
}
