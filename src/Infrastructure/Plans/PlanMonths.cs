namespace Conversations.Infrastructure.Plans;

/// <summary>Monthly allowances count calendar months in UTC.</summary>
public static class PlanMonths
{
    public static DateOnly Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}
