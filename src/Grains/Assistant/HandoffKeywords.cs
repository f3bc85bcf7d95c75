using System.Globalization;
using System.Text;

namespace Conversations.Grains.Assistant;

/// <summary>
/// The business's handoff rule by words: a customer message holding one of the keywords goes straight to a person.
/// A keyword matches as whole words, whatever the case and accents ("Queja" matches "queja", "refund" does not
/// match "refunded"), so a short keyword cannot fire inside an unrelated word.
/// </summary>
public static class HandoffKeywords
{
    /// <summary>The first keyword the text holds, or null.</summary>
    public static string? FirstIn(string text, IReadOnlyList<string>? keywords)
    {
        if (keywords is not { Count: > 0 } || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = " " + Normalize(text) + " ";
        return keywords.FirstOrDefault(k => Normalize(k) is { Length: > 0 } keyword && words.Contains(" " + keyword + " ", StringComparison.Ordinal));
    }

    /// <summary>Lower case without accents, every run of non-letters and non-digits one space.</summary>
    private static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var spaced = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
                spaced = false;
            }
            else if (!spaced)
            {
                result.Append(' ');
                spaced = true;
            }
        }

        return result.ToString().Trim();
    }
}
