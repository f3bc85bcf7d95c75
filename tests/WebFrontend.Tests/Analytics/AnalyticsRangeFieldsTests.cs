using Conversations.WebFrontend.Analytics;

namespace Conversations.WebFrontend.Tests.Analytics;

public sealed class AnalyticsRangeFieldsTests
{
    // 23:30 UTC on 10 January is already the 11th in Madrid.
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 23, 30, 0, TimeSpan.Zero);

    private static (Infrastructure.Analytics.AnalyticsRange? Range, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string zone = "Europe/Madrid")
    {
        var errors = new Dictionary<string, string[]>();
        return (AnalyticsRangeFields.Parse(from, to, zone, Now, errors), errors);
    }

    [Fact]
    public void Without_dates_the_range_is_the_last_30_days_ending_today_in_the_business_s_zone()
    {
        Assert.Equal(new(new(2025, 12, 13), new(2026, 1, 11), "Europe/Madrid"), Parse(null, null).Range);
        Assert.Equal(new(new(2025, 12, 12), new(2026, 1, 10), "UTC"), Parse(null, null, "UTC").Range);
        Assert.Equal(new(new(2025, 12, 13), new(2026, 1, 11), "Europe/Madrid"), Parse("", " ").Range);
    }

    [Fact]
    public void One_date_given_fixes_that_end()
    {
        Assert.Equal(new(new(2026, 1, 1), new(2026, 1, 11), "Europe/Madrid"), Parse("2026-01-01", null).Range);
        Assert.Equal(new(new(2025, 6, 1), new(2025, 6, 30), "Europe/Madrid"), Parse(null, "2025-06-30").Range);
        Assert.Equal(new(new(2025, 1, 12), new(2026, 1, 11), "Europe/Madrid"), Parse("2025-01-12", null).Range);
    }

    [Theory]
    [InlineData("2026-1-5", null, "from")]
    [InlineData("05/01/2026", "2026-01-31", "from")]
    [InlineData("2026-01-01", "tomorrow", "to")]
    [InlineData("1969-12-31", "1970-01-05", "from")]
    [InlineData("2026-01-31", "2026-01-01", "to")]
    [InlineData("2026-01-12", null, "from")]
    [InlineData("2025-01-10", null, "from")]
    [InlineData("2024-01-01", "2025-01-01", "to")]
    public void A_wrong_range_names_the_field_at_fault(string? from, string? to, string field)
    {
        var (range, errors) = Parse(from, to);

        Assert.Null(range);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Both_fields_can_be_wrong_at_once()
    {
        Assert.Equal(["from", "to"], Parse("x", "y").Errors.Keys.Order());
    }
}
