namespace Conversations.TestSupport;

/// <summary>
/// Polling with a deadline, for what happens in the background (an outbox send, joining a cluster, failure
/// detection, reminders). Returns as soon as the condition holds, fails with the last thing seen when it never does.
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="condition"/> holds; probe failures fail at once.</summary>
    public static async Task<T> ReturnsAsync<T>(
        string expectation, TimeSpan timeout, Func<Task<T>> probe, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Expected {expectation} within {timeout.TotalSeconds:0} s; last seen: {Describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>
    /// Calls <paramref name="call"/> until it completes without an exception, for calls that fail while
    /// the cluster is still reacting to a change (a dead silo's grains are not reachable until it is
    /// declared dead).
    /// </summary>
    public static async Task<T> SucceedsAsync<T>(string expectation, TimeSpan timeout, Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Interval);
            }
            catch (Exception exception)
            {
                throw new TimeoutException($"Expected {expectation} within {timeout.TotalSeconds:0} s; it still fails.", exception);
            }
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object?>())}]",
        _ => value.ToString() ?? "",
    };
}
