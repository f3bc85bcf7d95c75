namespace Conversations.WebFrontend.Tests;

/// <summary>
/// The app's wall clock, which a test can move forward to let tokens and locks expire without sleeping.
/// Only the wall clock moves: timers and timestamps stay the system's, because the co-hosted silo runs
/// its own timers on the same <see cref="TimeProvider"/> and a frozen fake clock would stop them.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
