namespace Conversations.Infrastructure.Customers;

/// <summary>How a CSV import treats bad rows, chosen by the caller.</summary>
public static class ImportMode
{
    /// <summary>Any bad row and nothing is imported.</summary>
    public const string AllOrNothing = "all-or-nothing";

    /// <summary>Good rows are imported, bad ones reported.</summary>
    public const string PerRow = "per-row";

    public static bool IsKnown(string? mode) => mode is AllOrNothing or PerRow;
}
