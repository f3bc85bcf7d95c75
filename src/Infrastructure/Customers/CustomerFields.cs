using System.Net.Mail;

namespace Conversations.Infrastructure.Customers;

/// <summary>Rules shared by the API and the CSV import.</summary>
public static class CustomerFields
{
    public const int MaxTags = 50;

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string?> tags) =>
        tags.Select(t => t?.Trim().ToLowerInvariant()).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct().ToList();

    public static string? TagsError(IReadOnlyList<string> tags) =>
        tags.Count > MaxTags ? $"At most {MaxTags} tags."
        : tags.Any(t => t.Length > 50) ? "A tag has at most 50 characters."
        : null;

    public static bool TryParseFlag(string value, out bool flag)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "1" or "y":
                flag = true;
                return true;
            case "false" or "no" or "0" or "n" or "":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }
}
