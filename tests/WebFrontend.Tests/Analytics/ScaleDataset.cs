using System.Diagnostics;
using Npgsql;

namespace Conversations.WebFrontend.Tests.Analytics;

/// <summary>
/// A large synthetic history for one business, generated in the database with <c>generate_series</c>: N
/// conversations spread evenly over D days, M messages each (customer and assistant in turn; every fourth
/// conversation handed off and auto-assigned, its later replies by the agent; every twentieth taken over), 80 %
/// resolved and a tenth of those reopened two days later and resolved again, and bookings (one in seven cancelled,
/// one in three paid). Conversation k opens at start + (k − 1)·D/N; its message s is sent 15 s·(s − 1) later.
/// </summary>
public sealed record ScaleDataset(Guid BusinessId, string TimeZone, int Conversations, int MessagesPerConversation, int Days, DateTimeOffset Start, int Employees)
{
    public long Messages => (long)Conversations * MessagesPerConversation;

    private const string Sql = """
        INSERT INTO businesses (id, name, time_zone) VALUES (@business, 'Scale', @zone);

        INSERT INTO employees (id, business_id, email, display_name, role, password_hash, status)
        SELECT md5(@business::text || 'e' || e)::uuid, @business, 'agent' || e || '-' || @business::text || '@example.test',
               'Agent ' || e, 'agent', 'x', 'active'
          FROM generate_series(0, @employees - 1) e;

        INSERT INTO services (id, business_id, name, price_minor, currency, duration_minutes)
        SELECT md5(@business::text || 's' || s)::uuid, @business, 'Service ' || s, 1000 * s, 'EUR', 30 FROM generate_series(1, 5) s;

        INSERT INTO conversations (id, business_id, customer_wa_id, mode, created_at, last_message_at, last_sequence, status,
                                   assignee_id, last_customer_message_at)
        SELECT md5(@business::text || 'c' || k)::uuid, @business, '34600' || k, CASE WHEN k % 4 = 0 THEN 'human' ELSE 'ai' END,
               t.opened, t.opened + (@messages - 1) * interval '15 seconds', @messages,
               CASE WHEN k % 5 = 0 THEN 'open' ELSE 'resolved' END,
               CASE WHEN k % 4 = 0 THEN md5(@business::text || 'e' || (k % @employees))::uuid END,
               t.opened + (@messages - 2) * interval '15 seconds'
          FROM generate_series(1, @conversations) k,
               LATERAL (SELECT @start + (k - 1) * (@days * interval '1 day' / @conversations) AS opened) t;

        -- Ordered ids (as UUIDv7s would be) so the load appends to the primary key instead of splitting pages at random.
        INSERT INTO messages (id, business_id, conversation_id, sequence, direction, sender, kind, body, sent_at, stored_at, sender_employee_id)
        SELECT (substr(@business::text, 1, 8) || '-0000-7000-8000-' || lpad(to_hex(k::bigint * 1000 + s), 12, '0'))::uuid,
               @business, md5(@business::text || 'c' || k)::uuid, s,
               CASE WHEN s % 2 = 1 THEN 'inbound' ELSE 'outbound' END,
               CASE WHEN s % 2 = 1 THEN 'customer' WHEN k % 4 = 0 AND s > 6 THEN 'employee' ELSE 'assistant' END,
               'text', NULL,
               t.opened + (s - 1) * interval '15 seconds', t.opened + (s - 1) * interval '15 seconds',
               CASE WHEN s % 2 = 0 AND k % 4 = 0 AND s > 6 THEN md5(@business::text || 'e' || (k % @employees))::uuid END
          FROM generate_series(1, @conversations) k,
               LATERAL (SELECT @start + (k - 1) * (@days * interval '1 day' / @conversations) AS opened) t,
               generate_series(1, @messages) s;

        INSERT INTO conversation_assignments (business_id, conversation_id, action, actor_id, to_employee, mode, at)
        SELECT @business, md5(@business::text || 'c' || k)::uuid, a.action, NULL, a.employee, 'human', t.opened + a.after
          FROM generate_series(1, @conversations) k,
               LATERAL (SELECT @start + (k - 1) * (@days * interval '1 day' / @conversations) AS opened) t,
               LATERAL (VALUES ('handoff', NULL::uuid, interval '75 seconds', 0),
                               ('auto_assign', md5(@business::text || 'e' || (k % @employees))::uuid, interval '80 seconds', 0),
                               ('takeover', md5(@business::text || 'e' || (k % @employees))::uuid, interval '100 seconds', 2))
                       a(action, employee, after, every20)
         WHERE (a.every20 = 0 AND k % 4 = 0) OR (a.every20 = 2 AND k % 20 = 2)
         ORDER BY k, a.after;

        INSERT INTO conversation_status_changes (business_id, conversation_id, from_status, to_status, at, last_sequence,
                                                 last_customer_message_at, assignee_id, mode)
        SELECT @business, md5(@business::text || 'c' || k)::uuid, x.from_status, x.to_status, t.opened + x.after, @messages,
               t.opened + (@messages - 2) * interval '15 seconds',
               CASE WHEN k % 4 = 0 THEN md5(@business::text || 'e' || (k % @employees))::uuid END,
               CASE WHEN k % 4 = 0 THEN 'human' ELSE 'ai' END
          FROM generate_series(1, @conversations) k,
               LATERAL (SELECT @start + (k - 1) * (@days * interval '1 day' / @conversations) AS opened) t,
               LATERAL (VALUES (1, 'open', 'resolved', @messages * interval '15 seconds'),
                               (2, 'resolved', 'open', interval '2 days'),
                               (3, 'open', 'resolved', interval '2 days 1 hour')) x(step, from_status, to_status, after)
         WHERE k % 5 <> 0 AND (x.step = 1 OR k % 10 = 1)
         ORDER BY k, x.step;

        INSERT INTO customers (id, business_id, name, wa_id)
        SELECT md5(@business::text || 'k' || c)::uuid, @business, 'Customer ' || c, '3470' || c FROM generate_series(1, @conversations / 10) c;

        INSERT INTO bookings (id, business_id, service_id, customer_id, resource_id, starts_at, ends_at, blocked_until, status,
                              created_at, updated_at, paid_at)
        SELECT md5(@business::text || 'b' || i)::uuid, @business, md5(@business::text || 's' || (1 + i % 5))::uuid,
               md5(@business::text || 'k' || (1 + i % (@conversations / 10)))::uuid, @business,
               @start + i * interval '1 hour', @start + i * interval '1 hour' + interval '30 minutes',
               @start + i * interval '1 hour' + interval '30 minutes',
               CASE WHEN i % 7 = 0 THEN 'cancelled' ELSE 'confirmed' END,
               @start + i * (@days * interval '1 day' / (@conversations / 2)), @start,
               CASE WHEN i % 3 = 0 THEN @start + i * (@days * interval '1 day' / (@conversations / 2)) + interval '1 day' END
          FROM generate_series(1, @conversations / 2) i;
        """;

    /// <summary>
    /// Writes the dataset and returns how long it took. The rows are consistent by construction, so the load runs
    /// as a replica would (no foreign-key or trigger work per row), which halves its time; the test server's user is
    /// a superuser, as <c>./conversations test</c> makes it.
    /// </summary>
    public async Task<TimeSpan> LoadAsync(NpgsqlDataSource dataSource)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(Sql, connection) { CommandTimeout = 300 })
        {
            command.Parameters.AddWithValue("business", BusinessId);
            command.Parameters.AddWithValue("zone", TimeZone);
            command.Parameters.AddWithValue("conversations", Conversations);
            command.Parameters.AddWithValue("messages", MessagesPerConversation);
            command.Parameters.AddWithValue("days", Days);
            command.Parameters.AddWithValue("start", Start.UtcDateTime);
            command.Parameters.AddWithValue("employees", Employees);
            await command.ExecuteNonQueryAsync();
        }

        await using (var origin = new NpgsqlCommand("SET session_replication_role = origin", connection))
        {
            await origin.ExecuteNonQueryAsync();
        }

        return watch.Elapsed;
    }
}
