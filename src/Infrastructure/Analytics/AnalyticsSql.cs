using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Analytics;

/// <summary>
/// The reports' SQL, with how its parameters are bound and the session it runs in; public so that the scale test
/// explains exactly what the API runs. Every statement is scoped to <c>@business</c> and reads the range as
/// instants computed from local midnights (<c>@from</c>, <c>@until</c> = the day after the last, both
/// <c>timestamp</c>) in <c>@zone</c>, so a day is the business's day, 23 or 25 hours long when the clocks change.
/// </summary>
public static class AnalyticsSql
{
    /// <summary>
    /// Cycles opened in the range, one row each, measured (the shared part of the conversations and performance
    /// reports). A cycle opens with a new conversation (at the customer's first message) or when a resolved
    /// conversation leaves <c>resolved</c>: from the customer's message that reopened it when they wrote since the
    /// resolution, else from the reopening. It ends at the next resolution. Its messages are the sequence numbers
    /// in between, so the first assistant and employee replies are one index probe each.
    /// </summary>
    private const string Cycles = """
        WITH opened AS (
            SELECT c.id AS conversation_id, c.created_at AS opened_at, false AS reopened, 0::bigint AS opened_change,
                   f.sequence AS start_sequence, coalesce(f.sent_at, c.created_at) AS started_at
              FROM conversations c
              LEFT JOIN LATERAL (
                  SELECT m.sequence, m.sent_at FROM messages m
                   WHERE m.conversation_id = c.id AND m.sender = 'customer'
                   ORDER BY m.sequence LIMIT 1) f ON true
             WHERE c.business_id = @business
               AND c.created_at >= (@from AT TIME ZONE @zone) AND c.created_at < (@until AT TIME ZONE @zone)
            UNION ALL
            SELECT r.conversation_id, r.at, true, r.id,
                   CASE WHEN r.last_customer_message_at > p.at THEN r.last_sequence ELSE r.last_sequence + 1 END,
                   CASE WHEN r.last_customer_message_at > p.at THEN r.last_customer_message_at ELSE r.at END
              FROM conversation_status_changes r
              LEFT JOIN LATERAL (
                  SELECT p.at FROM conversation_status_changes p
                   WHERE p.conversation_id = r.conversation_id AND p.id < r.id
                   ORDER BY p.id DESC LIMIT 1) p ON true
             WHERE r.business_id = @business AND r.from_status = 'resolved'
               AND r.at >= (@from AT TIME ZONE @zone) AND r.at < (@until AT TIME ZONE @zone)),
        cycles AS (
            SELECT o.conversation_id, o.opened_at, o.reopened, o.started_at,
                   e.at AS resolved_at, e.assignee_id AS resolved_assignee, h.sender_employee_id AS first_employee_id,
                   -- Waits from the customer's first message, never below zero (their provider's clock is not ours).
                   a.sent_at - least(o.started_at, a.sent_at) AS assistant_wait,
                   h.sent_at - least(o.started_at, h.sent_at) AS employee_wait,
                   e.at - least(o.started_at, e.at) AS resolution_wait,
                   coalesce(x.handed, false) OR h.sent_at IS NOT NULL OR coalesce(x.mode_at_start = 'human', false) AS with_human
              FROM opened o
              LEFT JOIN LATERAL (
                  SELECT s.at, s.last_sequence, s.assignee_id FROM conversation_status_changes s
                   WHERE s.conversation_id = o.conversation_id AND s.id > o.opened_change AND s.to_status = 'resolved'
                   ORDER BY s.id LIMIT 1) e ON true
              LEFT JOIN LATERAL (
                  SELECT m.sent_at FROM messages m
                   WHERE m.conversation_id = o.conversation_id AND m.sender = 'assistant'
                     AND m.sequence >= o.start_sequence AND m.sequence <= coalesce(e.last_sequence, 9223372036854775807)
                   ORDER BY m.sequence LIMIT 1) a ON true
              LEFT JOIN LATERAL (
                  SELECT m.sent_at, m.sender_employee_id FROM messages m
                   WHERE m.conversation_id = o.conversation_id AND m.sender = 'employee'
                     AND m.sequence >= o.start_sequence AND m.sequence <= coalesce(e.last_sequence, 9223372036854775807)
                   ORDER BY m.sequence LIMIT 1) h ON true
              LEFT JOIN LATERAL (
                  SELECT bool_or(t.action IN ('handoff', 'takeover', 'assign', 'auto_assign', 'transfer')
                                 AND t.at >= least(o.opened_at, o.started_at) AND t.at <= coalesce(e.at, 'infinity')) AS handed,
                         (array_agg(t.mode ORDER BY t.at DESC, t.id DESC)
                              FILTER (WHERE t.at < least(o.opened_at, o.started_at)))[1] AS mode_at_start
                    FROM conversation_assignments t
                   WHERE t.conversation_id = o.conversation_id AND t.business_id = @business) x ON true)
        """;

    /// <summary>Per local day the cycles opened, then one row for the whole range (day null).</summary>
    public const string ConversationCycles = $"""
        {Cycles}
        SELECT (c.opened_at AT TIME ZONE @zone)::date AS day,
               count(*) FILTER (WHERE NOT c.reopened),
               count(*) FILTER (WHERE c.reopened),
               count(*) FILTER (WHERE NOT c.with_human),
               count(*) FILTER (WHERE c.with_human),
               count(c.assistant_wait),
               extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY c.assistant_wait))::float8,
               extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY c.assistant_wait))::float8,
               count(c.employee_wait),
               extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY c.employee_wait))::float8,
               extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY c.employee_wait))::float8,
               count(c.resolved_at) FILTER (WHERE NOT c.with_human),
               count(c.resolved_at),
               extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_wait))::float8,
               extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY c.resolution_wait))::float8
          FROM cycles c
         GROUP BY GROUPING SETS ((1), ())
        """;

    /// <summary>
    /// Customer messages per local day, and how many were sent while a person had the conversation: the mode at a
    /// moment is the one the latest change of hands before it left (conversations start with the assistant).
    /// </summary>
    public const string CustomerMessages = """
        WITH handling AS (
            SELECT a.conversation_id, a.mode, a.at,
                   lead(a.at, 1, 'infinity') OVER (PARTITION BY a.conversation_id ORDER BY a.at, a.id) AS until
              FROM conversation_assignments a
             WHERE a.business_id = @business AND a.at < (@until AT TIME ZONE @zone))
        SELECT (m.sent_at AT TIME ZONE @zone)::date AS day, count(*), count(*) FILTER (WHERE h.mode = 'human')
          FROM messages m
          LEFT JOIN handling h ON h.conversation_id = m.conversation_id AND m.sent_at >= h.at AND m.sent_at < h.until
         WHERE m.business_id = @business AND m.sender = 'customer'
           AND m.sent_at >= (@from AT TIME ZONE @zone) AND m.sent_at < (@until AT TIME ZONE @zone)
         GROUP BY 1
        """;

    /// <summary>Handoffs to the team and takeovers by an agent, per local day.</summary>
    public const string Handovers = """
        SELECT (a.at AT TIME ZONE @zone)::date AS day,
               count(*) FILTER (WHERE a.action = 'handoff'), count(*) FILTER (WHERE a.action = 'takeover')
          FROM conversation_assignments a
         WHERE a.business_id = @business AND a.action IN ('handoff', 'takeover')
           AND a.at >= (@from AT TIME ZONE @zone) AND a.at < (@until AT TIME ZONE @zone)
         GROUP BY 1
        """;

    /// <summary>Per employee: conversations handled, messages sent, takeovers, first responses and resolutions.</summary>
    public const string Performance = $"""
        {Cycles},
        sent AS (
            SELECT m.sender_employee_id AS employee_id, m.conversation_id
              FROM messages m
             WHERE m.business_id = @business AND m.sender = 'employee' AND m.sender_employee_id IS NOT NULL
               AND m.sent_at >= (@from AT TIME ZONE @zone) AND m.sent_at < (@until AT TIME ZONE @zone)),
        received AS (
            SELECT a.to_employee AS employee_id, a.conversation_id, a.action
              FROM conversation_assignments a
             WHERE a.business_id = @business AND a.to_employee IS NOT NULL
               AND a.action IN ('takeover', 'assign', 'auto_assign', 'transfer')
               AND a.at >= (@from AT TIME ZONE @zone) AND a.at < (@until AT TIME ZONE @zone)),
        handled AS (
            SELECT x.employee_id, count(DISTINCT x.conversation_id) AS conversations
              FROM (SELECT employee_id, conversation_id FROM sent UNION ALL SELECT employee_id, conversation_id FROM received) x
             GROUP BY x.employee_id),
        messages_sent AS (SELECT employee_id, count(*) AS n FROM sent GROUP BY employee_id),
        takeovers AS (SELECT employee_id, count(*) AS n FROM received WHERE action = 'takeover' GROUP BY employee_id),
        responses AS (
            SELECT c.first_employee_id AS employee_id, count(*) AS n,
                   extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY c.employee_wait))::float8 AS p50,
                   extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY c.employee_wait))::float8 AS p90
              FROM cycles c WHERE c.first_employee_id IS NOT NULL GROUP BY c.first_employee_id),
        resolutions AS (
            SELECT c.resolved_assignee AS employee_id, count(*) AS n,
                   extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_wait))::float8 AS p50,
                   extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY c.resolution_wait))::float8 AS p90
              FROM cycles c WHERE c.resolved_at IS NOT NULL AND c.resolved_assignee IS NOT NULL GROUP BY c.resolved_assignee)
        SELECT e.id, e.display_name, e.role, coalesce(h.conversations, 0), coalesce(ms.n, 0), coalesce(t.n, 0),
               coalesce(fr.n, 0), fr.p50, fr.p90, coalesce(rs.n, 0), rs.p50, rs.p90
          FROM employees e
          LEFT JOIN handled h ON h.employee_id = e.id
          LEFT JOIN messages_sent ms ON ms.employee_id = e.id
          LEFT JOIN takeovers t ON t.employee_id = e.id
          LEFT JOIN responses fr ON fr.employee_id = e.id
          LEFT JOIN resolutions rs ON rs.employee_id = e.id
         WHERE e.business_id = @business
           AND (e.status = 'active' OR h.employee_id IS NOT NULL OR fr.employee_id IS NOT NULL OR rs.employee_id IS NOT NULL)
         ORDER BY e.display_name, e.id
        """;

    /// <summary>
    /// Per local day and service: bookings made that day and not cancelled, and bookings paid that day, at the
    /// service's price (bookings keep no price of their own).
    /// </summary>
    public const string Revenue = """
        SELECT x.day, s.id, s.name, s.currency,
               count(*) FILTER (WHERE x.booked), coalesce(sum(s.price_minor) FILTER (WHERE x.booked), 0)::bigint,
               count(*) FILTER (WHERE NOT x.booked), coalesce(sum(s.price_minor) FILTER (WHERE NOT x.booked), 0)::bigint
          FROM (SELECT (b.created_at AT TIME ZONE @zone)::date AS day, b.service_id, true AS booked
                  FROM bookings b
                 WHERE b.business_id = @business AND b.status <> 'cancelled'
                   AND b.created_at >= (@from AT TIME ZONE @zone) AND b.created_at < (@until AT TIME ZONE @zone)
                UNION ALL
                SELECT (b.paid_at AT TIME ZONE @zone)::date, b.service_id, false
                  FROM bookings b
                 WHERE b.business_id = @business
                   AND b.paid_at >= (@from AT TIME ZONE @zone) AND b.paid_at < (@until AT TIME ZONE @zone)) x
          JOIN services s ON s.id = x.service_id AND s.business_id = @business
         GROUP BY x.day, s.id, s.name, s.currency
         ORDER BY x.day, s.name, s.id
        """;

    /// <summary>Binds the business and the range to a command running one of these statements.</summary>
    public static void Bind(NpgsqlCommand command, Guid businessId, AnalyticsRange range)
    {
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("zone", range.TimeZone);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Timestamp) { Value = range.From.ToDateTime(TimeOnly.MinValue) });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.Timestamp) { Value = range.To.AddDays(1).ToDateTime(TimeOnly.MinValue) });
    }

    /// <summary>
    /// A report's transaction: one snapshot for all its statements, read-only, bounded in time, and without JIT
    /// compilation — for a year of a large business the planner's costs cross <c>jit_above_cost</c>, and compiling
    /// then took longer than running the plan (1.2 s instead of 0.5 s, measured in bench/RESULTS.md).
    /// </summary>
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var settings = new NpgsqlCommand(
            "SET TRANSACTION READ ONLY; SET LOCAL jit = off; SET LOCAL statement_timeout = '30s'", connection, transaction);
        await settings.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
