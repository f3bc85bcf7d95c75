using System.Globalization;
using System.Text.RegularExpressions;
using Conversations.Grains.Assistant;
using Conversations.Infrastructure.Bookings;

namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>
/// The <c>{{ variables }}</c> a prompt template may contain: checked when a template is saved (an unknown one is a
/// 400 naming <c>body</c>, not a hole in the prompt the model gets) and filled in from a <see cref="PromptContext"/>
/// when the assistant renders it.
/// </summary>
public static partial class PromptVariables
{
    public const string CustomerName = "customer.name";
    public const string CustomerPhone = "customer.phone";
    public const string BusinessName = "business.name";
    public const string BusinessTimeZone = "business.timezone";
    public const string Services = "services";
    public const string BookingService = "booking.service";
    public const string BookingTime = "booking.time";
    public const string BookingStatus = "booking.status";
    public const string Now = "now";
    public const string Today = "today";

    /// <summary>What a customer field reads when it is not known, so the model sees that rather than a gap.</summary>
    public const string UnknownValue = "(unknown)";

    /// <summary>What a booking field reads when the customer has no upcoming booking.</summary>
    public const string NoneValue = "(none)";

    public static readonly IReadOnlyList<PromptVariable> Catalogue =
    [
        new(CustomerName, $"The customer's name as WhatsApp gives it; \"{UnknownValue}\" when not known."),
        new(CustomerPhone, $"The customer's phone number in international format; \"{UnknownValue}\" when not known."),
        new(BusinessName, "The business's name."),
        new(BusinessTimeZone, "The business's IANA time zone, e.g. Europe/Madrid."),
        new(Services, "The business's active services, one per line with price and duration."),
        new(BookingService, $"The service of the customer's next upcoming booking; \"{NoneValue}\" without one."),
        new(BookingTime, $"When that booking starts, in the business's time zone (Thursday 26 November 2026 10:00); \"{NoneValue}\" without one."),
        new(BookingStatus, $"That booking's status (pending, confirmed); \"{NoneValue}\" without one."),
        new(Now, "The current date and time in the business's time zone: Wednesday 25 November 2026 14:05 (Europe/Madrid)."),
        new(Today, "Today's date in the business's time zone: 2026-11-25."),
    ];

    public static readonly IReadOnlySet<string> Known = Catalogue.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The placeholders the text uses that are not <see cref="Known"/>, as written and in order of first use.
    /// Anything between <c>{{</c> and <c>}}</c> counts, so a typo (<c>{{customer_name}}</c>, <c>{{ Customer.Name }}</c>)
    /// is reported instead of reaching the model verbatim.
    /// </summary>
    public static IReadOnlyList<string> Unknown(string body) =>
        Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(v => !Known.Contains(v)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The known variables the text uses, in order of first use.</summary>
    public static IReadOnlyList<string> Used(string body) =>
        Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(Known.Contains).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Fills every placeholder that has a value; anything else is left as written.</summary>
    public static string Render(string body, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(body, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>Every variable's value for the context, in catalogue order.</summary>
    public static Dictionary<string, string> Values(PromptContext context)
    {
        var zone = BusinessTimeZones.Resolve(context.TimeZone);
        var local = TimeZoneInfo.ConvertTime(context.Now, zone);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CustomerName] = OrUnknown(context.CustomerName),
            [CustomerPhone] = OrUnknown(context.CustomerPhone),
            [BusinessName] = context.BusinessName,
            [BusinessTimeZone] = context.TimeZone,
            [Services] = string.IsNullOrWhiteSpace(context.Services) ? "(no services listed)" : context.Services,
            [BookingService] = OrNone(context.BookingService),
            [BookingTime] = OrNone(context.BookingTime),
            [BookingStatus] = OrNone(context.BookingStatus),
            [Now] = $"{LocalTime(local)} ({context.TimeZone})",
            [Today] = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A local date and time as the prompts write it: "Wednesday 25 November 2026 14:05".</summary>
    public static string LocalTime(DateTimeOffset local) => local.ToString("dddd d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>One line of <c>{{ services }}</c>: "- Haircut: 25.00 EUR, 30 min".</summary>
    public static string ServiceLine(string name, long priceMinor, string currency, int durationMinutes)
    {
        var code = currency.Trim().ToUpperInvariant();
        var decimals = MinorUnits(code);
        var amount = (priceMinor / (decimal)Math.Pow(10, decimals)).ToString($"F{decimals}", CultureInfo.InvariantCulture);
        return $"- {name}: {amount} {code}, {durationMinutes} min";
    }

    // ISO 4217 currencies whose minor unit is not the cent (prices are stored in minor units).
    private static int MinorUnits(string currency) => currency switch
    {
        "BIF" or "CLP" or "DJF" or "GNF" or "ISK" or "JPY" or "KMF" or "KRW" or "PYG" or "RWF" or "UGX" or "UYI" or "VND"
            or "VUV" or "XAF" or "XOF" or "XPF" => 0,
        "BHD" or "IQD" or "JOD" or "KWD" or "LYD" or "OMR" or "TND" => 3,
        _ => 2,
    };

    private static string OrUnknown(string? value) => string.IsNullOrWhiteSpace(value) ? UnknownValue : value;

    private static string OrNone(string? value) => string.IsNullOrWhiteSpace(value) ? NoneValue : value;

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();
}
