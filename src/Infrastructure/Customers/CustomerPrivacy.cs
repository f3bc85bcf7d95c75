using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Customers;

/// <summary>
/// Data-subject rights for one customer: export everything held, or erase their personal data. Erasure keeps
/// the customer row (anonymised) and their bookings, for accounting; it nulls message bodies and contents,
/// deletes their media, notes' and ratings' texts, drops their reactions and anything still waiting in an
/// outbox, and replaces the name and WhatsApp id on the conversation (and in its grain) by a pseudonym.
/// </summary>
public sealed class CustomerPrivacy(TenantDatabase database, IGrainFactory grains)
{
    public async Task<CustomerDataExport?> ExportAsync(Guid businessId, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        CustomerRecord? profile;
        await using (var command = new NpgsqlCommand($"SELECT {CustomerDirectory.Columns} FROM customers c WHERE c.business_id = @b AND c.id = @id", connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("id", customerId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            profile = await reader.ReadAsync(cancellationToken) ? CustomerDirectory.Read(reader) : null;
        }

        if (profile is null)
        {
            return null;
        }

        var conversations = new List<ExportedConversation>();
        var messages = new List<ExportedMessage>();
        var bookings = new List<ExportedBooking>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT id, customer_name, mode, created_at, last_message_at FROM conversations
             WHERE business_id = @b AND customer_wa_id = @wa ORDER BY created_at;
            SELECT m.conversation_id, m.sequence, m.direction, m.sender, m.kind, m.body, m.content::text, m.sent_at
              FROM messages m JOIN conversations cv ON cv.id = m.conversation_id
             WHERE cv.business_id = @b AND cv.customer_wa_id = @wa ORDER BY m.conversation_id, m.sequence;
            SELECT b.id, s.name, b.starts_at, b.ends_at, b.status, b.notes, b.created_at
              FROM bookings b JOIN services s ON s.id = b.service_id
             WHERE b.business_id = @b AND b.customer_id = @id ORDER BY b.starts_at;
            """, connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("id", customerId);
            command.Parameters.AddWithValue("wa", (object?)profile.WaId ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                conversations.Add(new(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                JsonElement? content = null;
                if (!reader.IsDBNull(6))
                {
                    using var document = JsonDocument.Parse(reader.GetString(6));
                    content = document.RootElement.Clone();
                }

                messages.Add(new(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), content, reader.GetFieldValue<DateTimeOffset>(7)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                bookings.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }

        return new CustomerDataExport(profile, conversations, messages, bookings, now);
    }

    /// <summary>Erases the customer's personal data; false when there is no such customer.</summary>
    public async Task<bool> EraseAsync(Guid businessId, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            CREATE TEMP TABLE erased_conversations ON COMMIT DROP AS
            SELECT cv.id FROM conversations cv JOIN customers c ON c.business_id = cv.business_id AND c.wa_id = cv.customer_wa_id
             WHERE c.business_id = @b AND c.id = @id;
            DELETE FROM outbox WHERE conversation_id IN (SELECT id FROM erased_conversations);
            DELETE FROM message_reactions WHERE message_id IN (SELECT m.id FROM messages m WHERE m.conversation_id IN (SELECT id FROM erased_conversations));
            UPDATE local_outbox SET body = NULL, content = NULL
             WHERE message_id IN (SELECT m.id FROM messages m WHERE m.conversation_id IN (SELECT id FROM erased_conversations));
            DELETE FROM media_files WHERE business_id = @b AND id IN (
                SELECT (m.content->'media'->>'storedMediaId')::uuid FROM messages m
                 WHERE m.conversation_id IN (SELECT id FROM erased_conversations) AND m.content->'media'->>'storedMediaId' IS NOT NULL);
            UPDATE messages SET body = NULL, content = NULL WHERE conversation_id IN (SELECT id FROM erased_conversations);
            UPDATE notes SET body = '[erased]', mentions = '{}' WHERE conversation_id IN (SELECT id FROM erased_conversations);
            UPDATE conversation_ratings SET comment = NULL WHERE conversation_id IN (SELECT id FROM erased_conversations);
            UPDATE conversations SET customer_name = NULL, customer_wa_id = 'erased:' || id
             WHERE id IN (SELECT id FROM erased_conversations);
            UPDATE bookings SET notes = '' WHERE business_id = @b AND customer_id = @id;
            UPDATE customers SET name = NULL, wa_id = NULL, phone = NULL, email = NULL, tags = '{}', is_vip = false,
                   attributes = '{}', notes_count = 0, erased_at = @now, updated_at = @now
             WHERE business_id = @b AND id = @id;
            """, connection, transaction);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", customerId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var check = new NpgsqlCommand("SELECT 1 FROM customers WHERE business_id = @b AND id = @id AND erased_at = @now", connection, transaction);
        check.Parameters.AddWithValue("b", businessId);
        check.Parameters.AddWithValue("id", customerId);
        check.Parameters.AddWithValue("now", now);
        if (await check.ExecuteScalarAsync(cancellationToken) is null)
        {
            return false;
        }

        var conversations = new List<Guid>();
        await using (var erased = new NpgsqlCommand("SELECT id FROM conversations WHERE business_id = @b AND customer_wa_id = 'erased:' || id AND customer_name IS NULL AND id IN (SELECT id FROM erased_conversations)", connection, transaction))
        {
            erased.Parameters.AddWithValue("b", businessId);
            await using var reader = await erased.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                conversations.Add(reader.GetGuid(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);

        // The conversation grains hold the name and WhatsApp id in their state too.
        foreach (var conversation in conversations)
        {
            await grains.GetGrain<IConversationGrain>(conversation).ForgetCustomerAsync();
        }

        return true;
    }
}
