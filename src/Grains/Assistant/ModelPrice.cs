namespace Conversations.Grains.Assistant;

/// <summary>A model's price in US dollars per million tokens.</summary>
public sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }

    public decimal OutputPerMillion { get; set; }

    /// <summary>The cost of a call in millionths of a dollar.</summary>
    public long CostMicros(long inputTokens, long outputTokens) =>
        (long)decimal.Round(inputTokens * InputPerMillion + outputTokens * OutputPerMillion, MidpointRounding.AwayFromZero);
}
