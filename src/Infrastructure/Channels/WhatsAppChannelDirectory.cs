using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Finds the channel a webhook is for or a message leaves from. Every webhook and send asks, so answers are
/// cached briefly; a changed credential takes effect within <see cref="CacheFor"/> (at once on the node
/// that changed it).
/// </summary>
public sealed class WhatsAppChannelDirectory(TenantDatabase database, IMemoryCache cache, ChannelSecretProtector secrets)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CacheMissFor = TimeSpan.FromSeconds(5);

    private const string Columns = """
        id, business_id, provider, phone_number_id, display_phone_number, business_account_id, verify_token,
        twilio_account_sid, messaging_service_sid, protected_secrets, updated_at
        """;

    /// <summary>The channel of a Meta phone number id or a Twilio sender number.</summary>
    public Task<WhatsAppChannel?> FindByAddressAsync(string address, CancellationToken cancellationToken) =>
        FindCachedAsync(("address", address), "phone_number_id", address, cancellationToken);

    public Task<WhatsAppChannel?> FindByVerifyTokenAsync(string verifyToken, CancellationToken cancellationToken) =>
        FindCachedAsync(("verify", verifyToken), "verify_token", verifyToken, cancellationToken);

    public async Task<WhatsAppChannel?> FindByChannelKeyAsync(string channelKey, CancellationToken cancellationToken)
    {
        var (provider, address) = ChannelKeys.Parse(channelKey);
        var channel = await FindByAddressAsync(address, cancellationToken);
        return channel?.Provider == provider ? channel : null;
    }

    public async Task<IReadOnlyList<WhatsAppChannel>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM whatsapp_channels WHERE business_id = @business ORDER BY created_at", connection);
        command.Parameters.AddWithValue("business", businessId);
        var channels = new List<WhatsAppChannel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(Read(reader));
        }

        return channels;
    }

    /// <summary>Forgets what this node cached about a number and its verify tokens, after its settings changed.</summary>
    public void Forget(string address, params string?[] verifyTokens)
    {
        cache.Remove(("address", address));
        foreach (var token in verifyTokens.OfType<string>())
        {
            cache.Remove(("verify", token));
        }
    }

    private async Task<WhatsAppChannel?> FindCachedAsync(
        (string, string) key, string column, string value, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out WhatsAppChannel? cached))
        {
            return cached;
        }

        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM whatsapp_channels WHERE {column} = @value", connection);
        command.Parameters.AddWithValue("value", value);
        WhatsAppChannel? channel = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                channel = Read(reader);
            }
        }

        cache.Set(key, channel, channel is null ? CacheMissFor : CacheFor);
        return channel;
    }

    private WhatsAppChannel Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? new ChannelSecrets() : secrets.Unprotect(reader.GetString(9)),
        reader.GetFieldValue<DateTimeOffset>(10));
}
