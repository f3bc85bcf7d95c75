using System.Globalization;

namespace Conversations.Infrastructure.Payments;

/// <summary>Amounts in a currency's smallest unit, as Stripe takes them, and as people read them.</summary>
public static class Money
{
    // Stripe's zero-decimal currencies: the amount is already in whole units (https://docs.stripe.com/currencies#zero-decimal).
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    /// <summary>"30.00 EUR", "1500 JPY".</summary>
    public static string Format(long amountMinor, string currency) => ZeroDecimal.Contains(currency)
        ? $"{amountMinor.ToString(CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}"
        : $"{(amountMinor / 100m).ToString("0.00", CultureInfo.InvariantCulture)} {currency.ToUpperInvariant()}";
}
