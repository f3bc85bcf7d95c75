using System.Globalization;
using System.Text.RegularExpressions;

namespace Conversations.WebFrontend.Settings;

/// <summary>Language tags as BCP 47 writes them: a language, optionally a script and a region (<c>en</c>, <c>pt-BR</c>, <c>zh-Hant-TW</c>).</summary>
public static partial class LanguageTags
{
    /// <summary>
    /// The tag in its canonical case (language lower, script title, region upper), when it has that shape and names a
    /// language this machine's ICU knows; null otherwise.
    /// </summary>
    public static string? Normalize(string? tag)
    {
        var match = Shape().Match(tag?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var language = match.Groups["language"].Value.ToLowerInvariant();
        var script = match.Groups["script"].Success
            ? char.ToUpperInvariant(match.Groups["script"].Value[0]) + match.Groups["script"].Value[1..].ToLowerInvariant()
            : null;
        var region = match.Groups["region"].Success ? match.Groups["region"].Value.ToUpperInvariant() : null;
        var normalized = string.Join('-', new[] { language, script, region }.Where(p => p is not null));
        try
        {
            // Known to ICU: a made-up language ("xx") or region ("en-QQ") is refused.
            CultureInfo.GetCultureInfo(normalized, predefinedOnly: true);
            return normalized;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    [GeneratedRegex("^(?<language>[A-Za-z]{2,3})(-(?<script>[A-Za-z]{4}))?(-(?<region>[A-Za-z]{2}|[0-9]{3}))?$")]
    private static partial Regex Shape();
}
