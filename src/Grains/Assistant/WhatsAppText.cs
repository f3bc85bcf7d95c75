namespace Conversations.Grains.Assistant;

/// <summary>WhatsApp's limits on what one message may carry.</summary>
public static class WhatsAppText
{
    /// <summary>The most characters one text message may have.</summary>
    public const int MaxLength = 4096;

    /// <summary>
    /// Splits a long reply into messages of at most <paramref name="limit"/> characters, at a paragraph, line,
    /// sentence or word boundary when there is one in the second half of the piece.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit = MaxLength)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = BestCut(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int BestCut(string text, int limit)
    {
        var window = text[..limit];
        foreach (var separator in new[] { "\n\n", "\n", ". ", "! ", "? ", " " })
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at >= limit / 2)
            {
                return at + separator.Length;
            }
        }

        // No boundary: cut hard, but never between the two halves of a surrogate pair.
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
