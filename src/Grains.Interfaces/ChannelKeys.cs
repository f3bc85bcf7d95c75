namespace Conversations.Grains.Interfaces;

/// <summary>
/// Names a number messages leave from: <c>meta:{phone number id}</c>, <c>twilio:{sender E.164}</c>, or
/// <c>local:{business id}</c> for the built-in channel of a business without credentials. Each key has one
/// outbox dispatcher in the cluster, which is what makes per-number rate limits hold.
/// </summary>
public static class ChannelKeys
{
    public const string Meta = "meta";
    public const string Twilio = "twilio";
    public const string Local = "local";

    public static string ForMeta(string phoneNumberId) => $"{Meta}:{phoneNumberId}";

    public static string ForTwilio(string senderNumber) => $"{Twilio}:{senderNumber}";

    public static string ForLocal(Guid businessId) => $"{Local}:{businessId:N}";

    public static (string Provider, string Address) Parse(string channelKey)
    {
        var separator = channelKey.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == channelKey.Length - 1)
        {
            throw new ArgumentException($"'{channelKey}' is not a channel key.", nameof(channelKey));
        }

        return (channelKey[..separator], channelKey[(separator + 1)..]);
    }
}
