using Conversations.Grains.Assistant;
using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Assistant;

/// <inheritdoc cref="IAssistantDirectory"/>
public sealed class PostgresAssistantDirectory(TenantDatabase database, AssistantSettingsStore settings, IBookings bookings) : IAssistantDirectory
{
    private const string SelectBusiness = "SELECT name, time_zone, suspended_at IS NOT NULL FROM businesses WHERE id = @b";

    private const string SelectServices = """
        SELECT id, name, description, price_minor, currency, duration_minutes
          FROM services WHERE business_id = @b AND is_active ORDER BY name, id
        """;

    private const string SelectTranscript = """
        SELECT sequence, sender, kind, body, content->'reply'->>'id', content->'reply'->>'title', sent_at,
               ARRAY(SELECT o->>'title' FROM jsonb_array_elements(coalesce(content->'choices'->'options', '[]'::jsonb)) o)
          FROM messages WHERE conversation_id = @c
         ORDER BY sequence DESC LIMIT @limit
        """;

    public async Task<TurnContext> LoadTurnAsync(Guid businessId, Guid conversationId, int transcriptLimit, CancellationToken cancellationToken)
    {
        await using var batch = await database.CreateBatchAsync(businessId, cancellationToken);
        batch.Commands.Add(WithParameters(new NpgsqlBatchCommand(SelectBusiness), ("b", businessId)));
        batch.Commands.Add(AssistantSettingsStore.SelectForUse(businessId));
        batch.Commands.Add(WithParameters(new NpgsqlBatchCommand(SelectServices), ("b", businessId)));
        batch.Commands.Add(WithParameters(new NpgsqlBatchCommand(SelectTranscript), ("c", conversationId), ("limit", transcriptLimit)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        (string Name, string Zone, bool Suspended)? business = await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2))
            : null;
        await reader.NextResultAsync(cancellationToken);
        var assistant = await settings.ReadForUse(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var services = await ReadServicesAsync(reader, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var transcript = await ReadTranscriptAsync(reader, cancellationToken);
        var profile = business is { } b ? new AssistantProfile(b.Name, b.Zone, assistant, b.Suspended) : null;
        return new TurnContext(profile, services, transcript);
    }

    public async Task<AssistantProfile?> GetProfileAsync(Guid businessId, CancellationToken cancellationToken)
    {
        string name, zone;
        bool suspended;
        // The connection goes back to the pool before the settings take one of their own.
        await using (var connection = await database.OpenAsync(businessId, cancellationToken))
        await using (var command = new NpgsqlCommand(SelectBusiness, connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (name, zone, suspended) = (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2));
        }

        return new AssistantProfile(name, zone, await settings.ReadForUseAsync(businessId, cancellationToken), suspended);
    }

    public async Task<IReadOnlyList<ServiceOffer>> ListServicesAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(SelectServices, connection);
        command.Parameters.AddWithValue("b", businessId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadServicesAsync(reader, cancellationToken);
    }

    public async Task<Guid?> FindCustomerAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT cu.id FROM conversations c
              JOIN customers cu ON cu.business_id = c.business_id AND cu.wa_id = c.customer_wa_id AND cu.erased_at IS NULL
             WHERE c.business_id = @b AND c.id = @c
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("c", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    public async Task<IReadOnlyList<BookingView>> ListUpcomingBookingsAsync(Guid businessId, Guid customerId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        // Only the ids on this connection: it is back in the pool before each booking is read on one of its own.
        await using (var connection = await database.OpenAsync(businessId, cancellationToken))
        await using (var command = new NpgsqlCommand("""
            SELECT id FROM bookings
             WHERE business_id = @b AND customer_id = @customer AND starts_at >= @from AND status IN ('pending', 'confirmed')
             ORDER BY starts_at LIMIT 10
            """, connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("customer", customerId);
            command.Parameters.AddWithValue("from", from.ToUniversalTime());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        var found = new List<BookingView>(ids.Count);
        foreach (var id in ids)
        {
            if (await bookings.GetAsync(businessId, id, cancellationToken) is { } booking)
            {
                found.Add(booking);
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<TranscriptLine>> ReadTranscriptAsync(Guid conversationId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SelectTranscript, connection);
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadTranscriptAsync(reader, cancellationToken);
    }

    private static async Task<IReadOnlyList<ServiceOffer>> ReadServicesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var services = new List<ServiceOffer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            services.Add(new ServiceOffer(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.GetInt32(5)));
        }

        return services;
    }

    /// <summary>The rows of <see cref="SelectTranscript"/>, newest first, as lines oldest first.</summary>
    private static async Task<IReadOnlyList<TranscriptLine>> ReadTranscriptAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var lines = new List<TranscriptLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetString(2);
            var body = reader.IsDBNull(3) ? null : reader.GetString(3);
            var choice = reader.IsDBNull(4) ? null : new InteractiveReply(reader.GetString(4), reader.IsDBNull(5) ? "" : reader.GetString(5));
            // Options offered travel with the words, numbered as the customer saw them, so "2" can be understood.
            var options = reader.GetFieldValue<string[]>(7);
            var text = string.IsNullOrEmpty(body) ? $"[{kind}]" : body;
            if (options.Length > 0)
            {
                text += "\n" + string.Join('\n', options.Select((o, i) => $"{i + 1}. {o}"));
            }

            lines.Add(new TranscriptLine(reader.GetInt64(0), SenderOf(reader.GetString(1)), text, choice, reader.GetFieldValue<DateTimeOffset>(6)));
        }

        lines.Reverse();
        return lines;
    }

    private static NpgsqlBatchCommand WithParameters(NpgsqlBatchCommand command, params (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static MessageSender SenderOf(string sender) => sender switch
    {
        "customer" => MessageSender.Customer,
        "assistant" => MessageSender.Assistant,
        "employee" => MessageSender.Employee,
        _ => MessageSender.System,
    };
}
