using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Finds the channel a webhook is for. Every webhook asks, so answers are cached briefly; a channel's
/// secret changing takes effect within <see cref="CacheFor"/>.
/// </summary>
public sealed class WhatsAppChannelDirectory(NpgsqlDataSource dataSource, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CacheMissFor = TimeSpan.FromSeconds(5);

    public Task<WhatsAppChannel?> FindByPhoneNumberIdAsync(string phoneNumberId, CancellationToken cancellationToken) =>
        FindCachedAsync(("phone", phoneNumberId), "phone_number_id", phoneNumberId, cancellationToken);

    public Task<WhatsAppChannel?> FindByVerifyTokenAsync(string verifyToken, CancellationToken cancellationToken) =>
        FindCachedAsync(("verify", verifyToken), "verify_token", verifyToken, cancellationToken);

    private async Task<WhatsAppChannel?> FindCachedAsync(
        (string, string) key, string column, string value, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out WhatsAppChannel? cached))
        {
            return cached;
        }

        var channel = await LoadAsync(column, value, cancellationToken);
        cache.Set(key, channel, channel is null ? CacheMissFor : CacheFor);
        return channel;
    }

    private async Task<WhatsAppChannel?> LoadAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, business_id, phone_number_id, app_secret, verify_token
            FROM whatsapp_channels
            WHERE {column} = @value
            """);
        command.Parameters.AddWithValue("value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new WhatsAppChannel(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
    }
}
