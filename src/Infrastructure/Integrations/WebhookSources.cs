namespace Conversations.Infrastructure.Integrations;

/// <summary>
/// The tables events come from, each read by a (time, id) keyset after its cursor. Every query returns, oldest first:
/// the row's cursor position (time, id as text), the event type (null for a row that makes no event but must still be
/// passed), the event id derived from the row, the event's time, and its <c>data</c> as JSON.
/// Parameters: <c>@b</c> business, <c>@at</c>/<c>@id</c> cursor, <c>@settle</c> interval, <c>@limit</c>.
/// </summary>
public static class WebhookSources
{
    private const string ZeroUuid = "00000000-0000-0000-0000-000000000000";

    public static IReadOnlyList<WebhookSource> All { get; } =
    [
        // Received and sent messages, by when they were stored (the database's time, set on insert).
        new WebhookSource("messages", ZeroUuid, """
            WITH batch AS (
                SELECT m.id, m.conversation_id, m.sequence, m.direction, m.sender, m.sender_employee_id, m.kind, m.body,
                       m.content, m.sent_at, m.stored_at
                FROM messages m
                WHERE m.business_id = @b AND (m.stored_at, m.id) > (@at, @id::uuid) AND m.stored_at <= now() - @settle
                ORDER BY m.stored_at, m.id
                LIMIT @limit)
            SELECT b.stored_at, b.id::text,
                   CASE WHEN b.direction = 'inbound' THEN 'message.received' ELSE 'message.sent' END,
                   'msg_' || b.id::text || CASE WHEN b.direction = 'inbound' THEN '_received' ELSE '_sent' END,
                   b.stored_at,
                   jsonb_build_object('messageId', b.id, 'conversationId', b.conversation_id, 'customerWaId', c.customer_wa_id,
                                      'sequence', b.sequence, 'direction', b.direction, 'sender', b.sender,
                                      'senderEmployeeId', b.sender_employee_id, 'kind', b.kind, 'body', b.body,
                                      'content', b.content, 'sentAt', b.sent_at)::text
            FROM batch b JOIN conversations c ON c.id = b.conversation_id
            ORDER BY b.stored_at, b.id
            """),

        // Delivery states move forward only and stamp delivery_updated_at, so each change is a new position. The
        // event id names the state: sent, delivered and read of one message are three events.
        new WebhookSource("deliveries", ZeroUuid, """
            WITH batch AS (
                SELECT m.id, m.conversation_id, m.delivery_state, m.delivery_error_code, m.delivery_error_title, m.delivery_updated_at
                FROM messages m
                WHERE m.business_id = @b AND m.delivery_updated_at IS NOT NULL AND m.delivery_state <> 'queued'
                  AND (m.delivery_updated_at, m.id) > (@at, @id::uuid) AND m.delivery_updated_at <= now() - @settle
                ORDER BY m.delivery_updated_at, m.id
                LIMIT @limit)
            SELECT b.delivery_updated_at, b.id::text, 'message.delivery_changed',
                   'msg_' || b.id::text || '_delivery_' || b.delivery_state,
                   b.delivery_updated_at,
                   jsonb_build_object('messageId', b.id, 'conversationId', b.conversation_id, 'state', b.delivery_state,
                                      'errorCode', b.delivery_error_code, 'errorTitle', b.delivery_error_title,
                                      'at', b.delivery_updated_at)::text
            FROM batch b
            ORDER BY b.delivery_updated_at, b.id
            """),

        // Changes of hands: a takeover, or a move to the human queue without an assignee, hands the conversation off;
        // any change that gives it to an employee assigns it (a takeover does both). Releases make no event.
        new WebhookSource("assignments", "0", """
            WITH batch AS (
                SELECT a.id, a.conversation_id, a.action, a.actor_id, a.from_employee, a.to_employee, a.mode, a.at
                FROM conversation_assignments a
                WHERE a.business_id = @b AND (a.at, a.id) > (@at, @id::bigint) AND a.at <= now() - @settle
                ORDER BY a.at, a.id
                LIMIT @limit)
            SELECT b.at, b.id::text, e.type, 'asg_' || b.id::text || '_' || e.suffix, b.at,
                   jsonb_build_object('conversationId', b.conversation_id, 'action', b.action, 'actorId', b.actor_id,
                                      'fromEmployeeId', b.from_employee, 'toEmployeeId', b.to_employee, 'mode', b.mode,
                                      'at', b.at)::text
            FROM batch b
            LEFT JOIN LATERAL (
                SELECT v.type, v.suffix
                FROM (VALUES ('conversation.handed_off', 'handed_off', b.action = 'takeover' OR (b.mode = 'human' AND b.to_employee IS NULL)),
                             ('conversation.assigned', 'assigned', b.to_employee IS NOT NULL AND b.action IN ('takeover', 'assign', 'transfer')))
                     AS v(type, suffix, applies)
                WHERE v.applies) e ON true
            ORDER BY b.at, b.id
            """),

        new WebhookSource("resolutions", "0", """
            WITH batch AS (
                SELECT s.id, s.conversation_id, s.from_status, s.assignee_id, s.mode, s.at
                FROM conversation_status_changes s
                WHERE s.business_id = @b AND s.to_status = 'resolved'
                  AND (s.at, s.id) > (@at, @id::bigint) AND s.at <= now() - @settle
                ORDER BY s.at, s.id
                LIMIT @limit)
            SELECT b.at, b.id::text, 'conversation.resolved', 'csc_' || b.id::text || '_resolved', b.at,
                   jsonb_build_object('conversationId', b.conversation_id, 'fromStatus', b.from_status,
                                      'assigneeId', b.assignee_id, 'mode', b.mode, 'at', b.at)::text
            FROM batch b
            ORDER BY b.at, b.id
            """),

        new WebhookSource("bookings", "0", """
            WITH batch AS (
                SELECT e.id, e.booking_id, e.at, e.actor, e.employee_id, e.change, e.from_status, e.to_status, e.starts_at
                FROM booking_events e
                WHERE e.business_id = @b AND (e.at, e.id) > (@at, @id::bigint) AND e.at <= now() - @settle
                ORDER BY e.at, e.id
                LIMIT @limit)
            SELECT b.at, b.id::text,
                   CASE WHEN b.change = 'created' THEN 'booking.created'
                        WHEN b.to_status = 'cancelled' AND b.from_status IS DISTINCT FROM 'cancelled' THEN 'booking.cancelled'
                        ELSE 'booking.changed' END,
                   'bke_' || b.id::text, b.at,
                   jsonb_build_object('bookingId', b.booking_id, 'change', b.change, 'fromStatus', b.from_status,
                                      'toStatus', b.to_status, 'startsAt', b.starts_at, 'actor', b.actor,
                                      'employeeId', b.employee_id, 'serviceId', k.service_id, 'customerId', k.customer_id,
                                      'staffId', k.staff_id, 'at', b.at)::text
            FROM batch b JOIN bookings k ON k.id = b.booking_id
            ORDER BY b.at, b.id
            """),

        new WebhookSource("payments", ZeroUuid, """
            WITH batch AS (
                SELECT p.id, p.booking_id, p.amount_minor, p.currency, p.paid_at
                FROM payments p
                WHERE p.business_id = @b AND p.paid_at IS NOT NULL
                  AND (p.paid_at, p.id) > (@at, @id::uuid) AND p.paid_at <= now() - @settle
                ORDER BY p.paid_at, p.id
                LIMIT @limit)
            SELECT b.paid_at, b.id::text, 'payment.received', 'pay_' || b.id::text || '_paid', b.paid_at,
                   jsonb_build_object('paymentId', b.id, 'bookingId', b.booking_id, 'amountMinor', b.amount_minor,
                                      'currency', b.currency, 'paidAt', b.paid_at)::text
            FROM batch b
            ORDER BY b.paid_at, b.id
            """),

        // Rules and macros with a call_webhook action, by when their log row was stored (the database's time).
        new WebhookSource("automations", ZeroUuid, """
            WITH batch AS (
                SELECT x.id, x.conversation_id, x.rule_id, x.macro_id, x.name, x.trigger, x.employee_id, x.actions, x.at, x.recorded_at
                FROM automation_executions x
                WHERE x.business_id = @b AND x.webhook
                  AND (x.recorded_at, x.id) > (@at, @id::uuid) AND x.recorded_at <= now() - @settle
                ORDER BY x.recorded_at, x.id
                LIMIT @limit)
            SELECT b.recorded_at, b.id::text, 'automation.triggered', 'atm_' || b.id::text, b.at,
                   jsonb_build_object('executionId', b.id, 'conversationId', b.conversation_id, 'customerWaId', c.customer_wa_id,
                                      'ruleId', b.rule_id, 'macroId', b.macro_id, 'name', b.name, 'trigger', b.trigger,
                                      'employeeId', b.employee_id, 'actions', b.actions, 'at', b.at)::text
            FROM batch b JOIN conversations c ON c.id = b.conversation_id
            ORDER BY b.recorded_at, b.id
            """),
    ];
}
