namespace Conversations.Grains.Channels;

/// <summary>Exponential backoff with full jitter between half and the whole of each step.</summary>
public static class RetryDelay
{
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max, double jitter)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1))));
    }
}
