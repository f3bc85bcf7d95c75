using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Channels;

/// <summary>Writes a business's channel settings, secrets protected.</summary>
public sealed class ChannelSettingsStore(
    TenantDatabase database, WhatsAppChannelDirectory directory, ChannelSecretProtector protector)
{
    /// <summary>
    /// Adds the number to the business, or updates it when the business already has it. Returns
    /// <c>null</c> when the number belongs to another business.
    /// </summary>
    public async Task<WhatsAppChannel?> SaveAsync(Guid businessId, ChannelRegistration registration, CancellationToken cancellationToken)
    {
        var existing = await directory.FindByAddressAsync(registration.Address, cancellationToken);
        if (existing is not null && existing.BusinessId != businessId)
        {
            return null;
        }

        var kept = existing?.Secrets ?? new ChannelSecrets();
        var secrets = new ChannelSecrets(
            registration.Secrets.AccessToken ?? kept.AccessToken,
            registration.Secrets.AppSecret ?? kept.AppSecret,
            registration.Secrets.AuthToken ?? kept.AuthToken);

        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO whatsapp_channels AS w (id, business_id, provider, phone_number_id, display_phone_number,
                business_account_id, verify_token, twilio_account_sid, messaging_service_sid, protected_secrets, updated_at)
            VALUES (@id, @business, @provider, @address, @display, @waba, @verify, @sid, @service, @secrets, now())
            ON CONFLICT (phone_number_id) DO UPDATE
                SET provider = EXCLUDED.provider, display_phone_number = EXCLUDED.display_phone_number,
                    business_account_id = EXCLUDED.business_account_id, verify_token = EXCLUDED.verify_token,
                    twilio_account_sid = EXCLUDED.twilio_account_sid, messaging_service_sid = EXCLUDED.messaging_service_sid,
                    protected_secrets = EXCLUDED.protected_secrets, app_secret = NULL, updated_at = now()
                WHERE w.business_id = EXCLUDED.business_id
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("id", existing?.Id ?? Guid.CreateVersion7());
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("provider", registration.Provider);
        command.Parameters.AddWithValue("address", registration.Address);
        command.Parameters.AddWithValue("display", registration.DisplayPhoneNumber);
        command.Parameters.AddWithValue("waba", (object?)registration.BusinessAccountId ?? DBNull.Value);
        command.Parameters.AddWithValue("verify", (object?)registration.VerifyToken ?? DBNull.Value);
        command.Parameters.AddWithValue("sid", (object?)registration.TwilioAccountSid ?? DBNull.Value);
        command.Parameters.AddWithValue("service", (object?)registration.MessagingServiceSid ?? DBNull.Value);
        command.Parameters.AddWithValue("secrets", protector.Protect(secrets));
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            return null;
        }

        directory.Forget(registration.Address, existing?.VerifyToken, registration.VerifyToken);
        return await directory.FindByAddressAsync(registration.Address, cancellationToken);
    }

    /// <summary>Removes one of the business's numbers; <c>false</c> when it has no such number.</summary>
    public async Task<bool> DeleteAsync(Guid businessId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "DELETE FROM whatsapp_channels WHERE id = @id AND business_id = @business RETURNING phone_number_id, verify_token", connection);
        command.Parameters.AddWithValue("id", channelId);
        command.Parameters.AddWithValue("business", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        directory.Forget(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        return true;
    }
}
