using HdrHistogram;

namespace Conversations.LoadBenchmark;

/// <summary>An HDR histogram of latencies in microseconds, safe to record from many threads.</summary>
public sealed class Latency
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;

    private readonly LongConcurrentHistogram histogram = new(1, HighestMicroseconds, 3);

    public long Count => histogram.TotalCount;

    public void RecordSince(long intendedTimestamp, long nowTimestamp)
    {
        var micros = (long)((nowTimestamp - intendedTimestamp) * 1_000_000.0 / System.Diagnostics.Stopwatch.Frequency);
        histogram.RecordValue(Math.Clamp(micros, 1, HighestMicroseconds));
    }

    public void Reset() => histogram.Reset();

    public string Summary()
    {
        if (histogram.TotalCount == 0)
        {
            return "no samples";
        }

        static string Ms(long micros) => (micros / 1000.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return $"p50 {Ms(histogram.GetValueAtPercentile(50))} ms, p95 {Ms(histogram.GetValueAtPercentile(95))} ms, "
            + $"p99 {Ms(histogram.GetValueAtPercentile(99))} ms, max {Ms(histogram.GetMaxValue())} ms (n={histogram.TotalCount})";
    }
}
