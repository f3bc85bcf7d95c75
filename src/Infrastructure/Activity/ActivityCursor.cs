using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Conversations.Infrastructure.Activity;

/// <summary>An opaque keyset cursor: the (at, id) of the last entry of a page.</summary>
public static class ActivityCursor
{
    public static string Encode(DateTimeOffset at, long id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{at.UtcTicks}:{id}")));

    public static bool TryDecode(string cursor, out DateTimeOffset at, out long id)
    {
        at = default;
        id = default;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is > 0 and < 3155378975999999999 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out id))
            {
                at = new DateTimeOffset(ticks, TimeSpan.Zero);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
