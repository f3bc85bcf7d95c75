using System.Runtime.CompilerServices;
using System.Text.Json;
using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Customers;

/// <summary>A business's customers: list and search, CRUD, CSV import and export.</summary>
public sealed class CustomerDirectory(TenantDatabase database)
{
    internal const string Columns =
        """
        c.id, c.name, c.wa_id, c.phone, c.email, c.tags, c.is_vip, c.attributes::text,
        (SELECT count(*)::int FROM notes n JOIN conversations nv ON nv.id = n.conversation_id
          WHERE nv.business_id = c.business_id AND nv.customer_wa_id = c.wa_id AND n.deleted_at IS NULL), c.first_seen_at,
        (SELECT max(coalesce(cv.last_customer_message_at, cv.last_message_at)) FROM conversations cv
          WHERE cv.business_id = c.business_id AND cv.customer_wa_id = c.wa_id),
        c.created_at, c.updated_at, c.erased_at
        """;

    // The same expression as ix_customers_search, so ILIKE uses the trigram index.
    private const string SearchText = "(coalesce(c.name, '') || ' ' || coalesce(c.phone, '') || ' ' || coalesce(c.email, ''))";

    private const string FilterSql =
        $"""
         c.business_id = @b AND c.erased_at IS NULL
         AND (@pattern::text IS NULL OR {SearchText} ILIKE @pattern OR @tagSearch = ANY(c.tags))
         AND (@tag::text IS NULL OR c.tags @> ARRAY[@tag::text])
         AND (@vip::boolean IS NULL OR c.is_vip = @vip)
         """;

    public async Task<CustomerPage> ListAsync(Guid businessId, CustomerFilter filter, string? cursor, int limit, CancellationToken cancellationToken)
    {
        var hasCursor = cursor is not null && CustomerCursor.TryDecode(cursor, out _, out _);
        DateTimeOffset afterCreated = default;
        Guid afterId = default;
        if (hasCursor)
        {
            CustomerCursor.TryDecode(cursor!, out afterCreated, out afterId);
        }

        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
             SELECT {Columns} FROM customers c
              WHERE {FilterSql} AND (NOT @hasCursor OR (c.created_at, c.id) > (@afterCreated, @afterId))
              ORDER BY c.created_at, c.id
              LIMIT @limit
             """, connection);
        BindFilter(command, businessId, filter);
        command.Parameters.AddWithValue("hasCursor", hasCursor);
        command.Parameters.AddWithValue("afterCreated", afterCreated);
        command.Parameters.AddWithValue("afterId", afterId);
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<CustomerRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        if (items.Count <= limit)
        {
            return new CustomerPage(items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return new CustomerPage(items, CustomerCursor.Encode(last.CreatedAt, last.Id));
    }

    /// <summary>Every matching customer, streamed from the database as it is read.</summary>
    public async IAsyncEnumerable<CustomerRecord> StreamAsync(Guid businessId, CustomerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM customers c WHERE {FilterSql} ORDER BY c.created_at, c.id", connection);
        BindFilter(command, businessId, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    /// <summary>The region phone numbers without a country code are read in: that of the business's first WhatsApp number.</summary>
    public async Task<string?> DefaultRegionAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT display_phone_number FROM whatsapp_channels WHERE business_id = @b ORDER BY created_at LIMIT 1", connection);
        command.Parameters.AddWithValue("b", businessId);
        return CustomerPhones.RegionOf(await command.ExecuteScalarAsync(cancellationToken) as string);
    }

    /// <summary>The customer who writes from this WhatsApp id, if the business has one.</summary>
    public async Task<CustomerRecord?> FindByWaIdAsync(Guid businessId, string waId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM customers c WHERE c.business_id = @b AND c.wa_id = @wa", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("wa", waId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<CustomerRecord?> GetAsync(Guid businessId, Guid customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM customers c WHERE c.business_id = @b AND c.id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", customerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<CustomerWriteResult> CreateAsync(Guid businessId, CustomerDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO customers (id, business_id, name, wa_id, phone, email, tags, is_vip, attributes, created_at, updated_at)
            VALUES (@id, @b, @name, @wa, @phone, @email, @tags, @vip, @attributes, @now, @now)
            """, connection);
        command.Parameters.AddWithValue("id", id);
        BindDraft(command, businessId, draft, now);
        return await WriteAsync(command, businessId, id, cancellationToken);
    }

    public async Task<CustomerWriteResult> UpdateAsync(Guid businessId, Guid customerId, CustomerDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            UPDATE customers SET name = @name, wa_id = @wa, phone = @phone, email = @email, tags = @tags, is_vip = @vip,
                   attributes = @attributes, updated_at = @now
             WHERE business_id = @b AND id = @id AND erased_at IS NULL
            """, connection);
        command.Parameters.AddWithValue("id", customerId);
        BindDraft(command, businessId, draft, now);
        return await WriteAsync(command, businessId, customerId, cancellationToken);
    }

    /// <summary>Deletes a customer who has no bookings; null when not found, false when bookings keep them.</summary>
    public async Task<bool?> DeleteAsync(Guid businessId, Guid customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            WITH target AS (SELECT id, EXISTS (SELECT 1 FROM bookings WHERE customer_id = c.id) AS booked
                              FROM customers c WHERE business_id = @b AND id = @id),
                 deleted AS (DELETE FROM customers WHERE id IN (SELECT id FROM target WHERE NOT booked) RETURNING id)
            SELECT booked FROM target
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", customerId);
        return await command.ExecuteScalarAsync(cancellationToken) is bool booked ? !booked : null;
    }

    /// <summary>
    /// Writes valid import rows in one transaction: a row whose phone a customer already has is merged into
    /// them (new values win, tags add up), any other row creates a customer.
    /// </summary>
    public async Task<(int Created, int Merged)> ImportAsync(Guid businessId, IReadOnlyList<ImportRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var created = 0;
        var merged = 0;
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO customers AS c (id, business_id, name, wa_id, phone, email, tags, is_vip, attributes, created_at, updated_at)
                VALUES (@id, @b, @name, @wa, @phone, @email, @tags, @vip, @attributes, @now, @now)
                ON CONFLICT (business_id, phone) WHERE phone IS NOT NULL DO UPDATE
                   SET name = coalesce(EXCLUDED.name, c.name),
                       email = coalesce(EXCLUDED.email, c.email),
                       tags = ARRAY(SELECT DISTINCT t FROM unnest(c.tags || EXCLUDED.tags) AS t ORDER BY t),
                       is_vip = c.is_vip OR EXCLUDED.is_vip,
                       attributes = c.attributes || EXCLUDED.attributes,
                       updated_at = EXCLUDED.updated_at
                RETURNING (xmax = 0)
                """, connection, transaction);
            command.Parameters.AddWithValue("id", Guid.CreateVersion7());
            BindDraft(command, businessId, row.Draft, now);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                created++;
            }
            else
            {
                merged++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (created, merged);
    }

    private async Task<CustomerWriteResult> WriteAsync(NpgsqlCommand command, Guid businessId, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return new CustomerWriteResult(null, null, NotFound: true);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return new CustomerWriteResult(null, e.ConstraintName == "ux_customers_wa_id" ? "waId" : "phone");
        }

        return new CustomerWriteResult(await GetAsync(businessId, id, cancellationToken), null);
    }

    private static void BindFilter(NpgsqlCommand command, Guid businessId, CustomerFilter filter)
    {
        var search = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim();
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("pattern", NpgsqlDbType.Text) { Value = search is null ? DBNull.Value : $"%{EscapeLike(search)}%" });
        command.Parameters.Add(new NpgsqlParameter("tagSearch", NpgsqlDbType.Text) { Value = (object?)search?.ToLowerInvariant() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("tag", NpgsqlDbType.Text) { Value = (object?)filter.Tag?.Trim().ToLowerInvariant() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("vip", NpgsqlDbType.Boolean) { Value = (object?)filter.Vip ?? DBNull.Value });
    }

    private static void BindDraft(NpgsqlCommand command, Guid businessId, CustomerDraft draft, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Text) { Value = (object?)draft.Name ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("wa", NpgsqlDbType.Text) { Value = (object?)draft.WaId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("phone", NpgsqlDbType.Text) { Value = (object?)draft.Phone ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("email", NpgsqlDbType.Text) { Value = (object?)draft.Email ?? DBNull.Value });
        command.Parameters.AddWithValue("tags", draft.Tags.ToArray());
        command.Parameters.AddWithValue("vip", draft.IsVip);
        command.Parameters.Add(new NpgsqlParameter("attributes", NpgsqlDbType.Jsonb) { Value = draft.AttributesJson });
        command.Parameters.AddWithValue("now", now);
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    internal static CustomerRecord Read(NpgsqlDataReader reader)
    {
        using var attributes = JsonDocument.Parse(reader.GetString(7));
        return new CustomerRecord(
            reader.GetGuid(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetFieldValue<string[]>(5),
            reader.GetBoolean(6),
            attributes.RootElement.Clone(),
            reader.GetInt32(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
            reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
            reader.GetFieldValue<DateTimeOffset>(11),
            reader.GetFieldValue<DateTimeOffset>(12),
            reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13));
    }
}
