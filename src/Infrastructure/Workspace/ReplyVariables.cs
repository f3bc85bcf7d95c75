using System.Text.RegularExpressions;

namespace Conversations.Infrastructure.Workspace;

/// <summary>
/// The <c>{{variables}}</c> a canned response may contain, checked when it is saved (not discovered when a
/// customer is waiting) and filled in when it is used.
/// </summary>
public static partial class ReplyVariables
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "customer.name", "business.name", "agent.name",
    };

    /// <summary>The variables the text uses that are not <see cref="Known"/>.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(v => !Known.Contains(v)).Distinct().ToList();

    public static string Render(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value ?? "" : m.Value);

    [GeneratedRegex(@"\{\{\s*([a-z]+(?:\.[a-z]+)*)\s*\}\}")]
    private static partial Regex Placeholder();
}
