namespace Conversations.WebFrontend.Tests.Analytics;

/// <summary>
/// Writes one business's history straight into the tables at exact instants, as the product would have written
/// it (transcript, changes of hands, status history, bookings), so a test knows every figure in advance.
/// </summary>
public sealed class HistoryWriter(AnalyticsFixture fixture, Guid businessId)
{
    public async Task<Guid> EmployeeAsync(string name, string role = "agent", string status = "active")
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync(
            """
            INSERT INTO employees (id, business_id, email, display_name, role, password_hash, status, is_active)
            VALUES (@id, @b, @email, @name, @role, 'x', @status, @status = 'active')
            """,
            ("id", id), ("b", businessId), ("email", $"{role}-{id:N}@example.test"), ("name", name), ("role", role), ("status", status));
        return id;
    }

    public async Task<Guid> ConversationAsync(string customerWaId, DateTimeOffset createdAt)
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync(
            """
            INSERT INTO conversations (id, business_id, customer_wa_id, mode, created_at, last_message_at)
            VALUES (@id, @b, @wa, 'ai', @at, @at)
            """,
            ("id", id), ("b", businessId), ("wa", customerWaId), ("at", createdAt.UtcDateTime));
        return id;
    }

    /// <param name="sender"><c>customer</c>, <c>assistant</c>, <c>employee</c> or <c>system</c>.</param>
    public Task MessageAsync(Guid conversation, long sequence, string sender, DateTimeOffset at, Guid? employee = null) =>
        fixture.ExecuteAsync(
            """
            INSERT INTO messages (id, business_id, conversation_id, sequence, direction, sender, kind, body, sent_at, stored_at, sender_employee_id)
            VALUES (@id, @b, @c, @seq, CASE WHEN @sender = 'customer' THEN 'inbound' ELSE 'outbound' END, @sender, 'text', 'hello', @at, @at, @employee);
            UPDATE conversations SET last_sequence = GREATEST(last_sequence, @seq), last_message_at = GREATEST(last_message_at, @at)
             WHERE id = @c
            """,
            ("id", Guid.NewGuid()), ("b", businessId), ("c", conversation), ("seq", sequence), ("sender", sender), ("at", at.UtcDateTime), ("employee", employee));

    /// <param name="action"><c>takeover</c>, <c>handoff</c>, <c>auto_assign</c>, <c>release</c>…</param>
    /// <param name="mode">The mode the change left the conversation in.</param>
    public Task HandOverAsync(Guid conversation, string action, Guid? to, string mode, DateTimeOffset at) =>
        fixture.ExecuteAsync(
            """
            INSERT INTO conversation_assignments (business_id, conversation_id, action, actor_id, to_employee, mode, at)
            VALUES (@b, @c, @action, @actor, @to, @mode, @at)
            """,
            ("b", businessId), ("c", conversation), ("action", action), ("actor", action == "takeover" ? to : null), ("to", to), ("mode", mode),
            ("at", at.UtcDateTime));

    /// <summary>A status change as the trigger records it, with what the conversation looked like then.</summary>
    public Task StatusAsync(
        Guid conversation, string from, string to, DateTimeOffset at, long lastSequence, DateTimeOffset lastCustomerMessageAt, Guid? assignee = null, string mode = "ai") =>
        fixture.ExecuteAsync(
            """
            INSERT INTO conversation_status_changes (business_id, conversation_id, from_status, to_status, at, last_sequence,
                                                     last_customer_message_at, assignee_id, mode)
            VALUES (@b, @c, @from, @to, @at, @seq, @customer, @assignee, @mode)
            """,
            ("b", businessId), ("c", conversation), ("from", from), ("to", to), ("at", at.UtcDateTime), ("seq", lastSequence),
            ("customer", lastCustomerMessageAt.UtcDateTime), ("assignee", assignee), ("mode", mode));

    public async Task<Guid> ServiceAsync(string name, long priceMinor)
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync(
            "INSERT INTO services (id, business_id, name, price_minor, currency, duration_minutes) VALUES (@id, @b, @name, @price, 'EUR', 30)",
            ("id", id), ("b", businessId), ("name", name), ("price", priceMinor));
        return id;
    }

    public async Task<Guid> CustomerAsync(string name)
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync("INSERT INTO customers (id, business_id, name) VALUES (@id, @b, @name)", ("id", id), ("b", businessId), ("name", name));
        return id;
    }

    /// <param name="startsAt">Distinct for every booking of a business: they all take the business's own time.</param>
    public Task BookingAsync(Guid service, Guid customer, DateTimeOffset createdAt, string status, DateTimeOffset? paidAt, DateTimeOffset startsAt) =>
        fixture.ExecuteAsync(
            """
            INSERT INTO bookings (id, business_id, service_id, customer_id, resource_id, starts_at, ends_at, blocked_until, status,
                                  created_at, updated_at, paid_at)
            VALUES (@id, @b, @service, @customer, @b, @start, @start + interval '30 minutes', @start + interval '30 minutes', @status,
                    @created, @created, @paid)
            """,
            ("id", Guid.NewGuid()), ("b", businessId), ("service", service), ("customer", customer), ("start", startsAt.UtcDateTime),
            ("status", status), ("created", createdAt.UtcDateTime), ("paid", paidAt?.UtcDateTime));
}
