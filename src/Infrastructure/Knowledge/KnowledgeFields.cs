using System.Text;

namespace Conversations.Infrastructure.Knowledge;

/// <summary>The rules an article's fields follow; the table's checks say the same.</summary>
public static class KnowledgeFields
{
    public const int MaxTitleLength = 200;

    public const int MaxBodyLength = 20_000;

    public const int MaxTags = 20;

    public const int MaxTagLength = 50;

    /// <summary>Trimmed, lowercase, without empty or repeated tags.</summary>
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string?> tags) =>
        tags.Select(t => t?.Trim().ToLowerInvariant()).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct().ToList();

    public static string? TagsError(IReadOnlyList<string> tags) =>
        tags.Count > MaxTags ? $"At most {MaxTags} tags."
        : tags.Any(t => t.Length > MaxTagLength) ? $"A tag has at most {MaxTagLength} characters."
        : tags.Any(t => !IsStorable(t)) ? "A tag holds a NUL character or half a surrogate pair."
        : null;

    /// <summary>
    /// Whether PostgreSQL can store the text: its <c>text</c> holds no NUL character, and half a surrogate pair
    /// has no UTF-8 encoding. Refused at the edge, such text would otherwise fail in the database.
    /// </summary>
    public static bool IsStorable(string text) => FirstUnstorable(text) < 0;

    /// <summary>The text with every character PostgreSQL cannot store replaced by a space, for searching.</summary>
    public static string Searchable(string text)
    {
        if (FirstUnstorable(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                builder.Append(text, i++, 2);
            }
            else
            {
                builder.Append(text[i] == '\0' || char.IsSurrogate(text[i]) ? ' ' : text[i]);
            }
        }

        return builder.ToString();
    }

    private static int FirstUnstorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }
            else if (text[i] == '\0' || char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
