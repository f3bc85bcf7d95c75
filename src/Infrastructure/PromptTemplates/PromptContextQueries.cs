using System.Text;
using Conversations.Grains.Assistant;
using Conversations.Infrastructure.Bookings;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>
/// What a template's variables are filled with outside the assistant: for one of the business's conversations,
/// or sample values (the business's own name, time zone and services with a made-up customer) for a preview.
/// </summary>
public sealed class PromptContextQueries(TenantDatabase database, TimeProvider time)
{
    /// <summary>The context of the conversation; <c>null</c> when the business has no such conversation.</summary>
    /// <remarks>
    /// Booking fields come from the customer's next booking that is still open (pending or confirmed) and not yet
    /// started; the customer is the one the conversation's WhatsApp id belongs to.
    /// </remarks>
    public async Task<PromptContext?> ForConversationAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        var business = await BusinessAsync(connection, businessId, cancellationToken);
        if (business is not { } found)
        {
            return null;
        }

        await using var command = new NpgsqlCommand("""
            SELECT c.customer_name, c.customer_wa_id, cu.name, cu.phone, s.name, b.starts_at, b.status
            FROM conversations c
            LEFT JOIN customers cu ON cu.business_id = c.business_id AND cu.wa_id = c.customer_wa_id AND cu.erased_at IS NULL
            LEFT JOIN LATERAL (
                SELECT service_id, starts_at, status FROM bookings
                WHERE business_id = c.business_id AND customer_id = cu.id AND status IN ('pending', 'confirmed') AND starts_at >= @now
                ORDER BY starts_at LIMIT 1) b ON true
            LEFT JOIN services s ON s.id = b.service_id
            WHERE c.business_id = @business AND c.id = @id
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var waId = reader.GetString(1);
        // An erased customer's conversation keeps only a pseudonym ("erased:{id}"), which is not a phone number.
        var erased = waId.StartsWith("erased:", StringComparison.Ordinal);
        var name = erased ? null : (reader.IsDBNull(0) ? null : reader.GetString(0)) ?? (reader.IsDBNull(2) ? null : reader.GetString(2));
        var phone = erased ? null : (IsPhoneDigits(waId) ? $"+{waId}" : null) ?? (reader.IsDBNull(3) ? null : reader.GetString(3));
        var zone = BusinessTimeZones.Resolve(found.TimeZone);
        var bookingService = reader.IsDBNull(4) ? null : reader.GetString(4);
        var bookingTime = reader.IsDBNull(5) ? null : PromptVariables.LocalTime(TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(5), zone));
        var bookingStatus = reader.IsDBNull(6) ? null : reader.GetString(6);
        await reader.CloseAsync();

        return new PromptContext(
            name, phone, found.Name, found.TimeZone, await ServicesAsync(connection, businessId, cancellationToken),
            bookingService, bookingTime, bookingStatus, now);
    }

    /// <summary>
    /// Sample values: the business's real name, time zone and services, a made-up customer, and a confirmed booking
    /// of its first service tomorrow at 10:00 local time.
    /// </summary>
    public async Task<PromptContext?> SampleAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        if (await BusinessAsync(connection, businessId, cancellationToken) is not { } business)
        {
            return null;
        }

        var services = await ServicesAsync(connection, businessId, cancellationToken);
        await using var first = new NpgsqlCommand(
            "SELECT name FROM services WHERE business_id = @business AND is_active ORDER BY name LIMIT 1", connection);
        first.Parameters.AddWithValue("business", businessId);
        var service = await first.ExecuteScalarAsync(cancellationToken) as string ?? "Haircut";

        var zone = BusinessTimeZones.Resolve(business.TimeZone);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1).ToDateTime(new TimeOnly(10, 0));
        var start = new DateTimeOffset(tomorrow, zone.GetUtcOffset(tomorrow));
        return new PromptContext(
            "Ana García", "+34600123456", business.Name, business.TimeZone, services,
            service, PromptVariables.LocalTime(start), "confirmed", now);
    }

    private static async Task<(string Name, string TimeZone)?> BusinessAsync(NpgsqlConnection connection, Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT name, time_zone FROM businesses WHERE id = @business", connection);
        command.Parameters.AddWithValue("business", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>The business's active services as <c>{{ services }}</c> lists them, one per line.</summary>
    private static async Task<string> ServicesAsync(NpgsqlConnection connection, Guid businessId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT name, price_minor, currency, duration_minutes FROM services
            WHERE business_id = @business AND is_active ORDER BY name
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        var lines = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (lines.Length > 0)
            {
                lines.Append('\n');
            }

            lines.Append(PromptVariables.ServiceLine(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return lines.ToString();
    }

    private static bool IsPhoneDigits(string waId) => waId.Length is >= 7 and <= 15 && waId[0] != '0' && waId.All(char.IsAsciiDigit);
}
