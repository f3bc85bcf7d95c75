namespace Conversations.Infrastructure.Analytics;

/// <summary>
/// How long something took over <paramref name="Count"/> cases: the median and the 90th percentile in seconds
/// (linear interpolation between the nearest cases, as PostgreSQL's <c>percentile_cont</c>); null without cases.
/// </summary>
public sealed record ResponseTimes(long Count, double? P50Seconds, double? P90Seconds)
{
    public static ResponseTimes None { get; } = new(0, null, null);
}
