namespace Conversations.Grains.Assistant;

/// <summary>A bookable service as the assistant presents it.</summary>
public sealed record ServiceOffer(Guid Id, string Name, string Description, long PriceMinor, string Currency, int DurationMinutes)
{
    public string Price => PriceMinor % 100 == 0
        ? FormattableString.Invariant($"{PriceMinor / 100} {Currency}")
        : FormattableString.Invariant($"{PriceMinor / 100m:0.00} {Currency}");
}
