using PhoneNumbers;

namespace Conversations.Infrastructure.Customers;

/// <summary>Phone numbers as E.164 (+34611111111), parsed with libphonenumber.</summary>
public static class CustomerPhones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The E.164 form of <paramref name="raw"/>, read in <paramref name="region"/> (ISO 3166 alpha-2) unless it
    /// starts with '+' or 00; null with a reason when it is not a possible number.
    /// </summary>
    public static (string? E164, string? Error) Normalize(string raw, string? region)
    {
        var text = raw.Trim();
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        if (!text.StartsWith('+') && string.IsNullOrEmpty(region))
        {
            return (null, "Give the number in international format (+34…) or a default region.");
        }

        try
        {
            var number = Util.Parse(text, text.StartsWith('+') ? null : region!.ToUpperInvariant());
            return Util.IsPossibleNumber(number) && Util.IsValidNumber(number)
                ? (Util.Format(number, PhoneNumberFormat.E164), null)
                : (null, "Not a valid phone number.");
        }
        catch (NumberParseException)
        {
            return (null, "Not a phone number.");
        }
    }

    /// <summary>True for an ISO 3166 alpha-2 region libphonenumber knows (ES, GB, US…).</summary>
    public static bool IsKnownRegion(string region) => Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>The region of an international number (the business's own WhatsApp number gives its default region).</summary>
    public static string? RegionOf(string? international)
    {
        if (string.IsNullOrWhiteSpace(international))
        {
            return null;
        }

        try
        {
            var region = Util.GetRegionCodeForNumber(Util.Parse(international, null));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
