using System.Collections.Concurrent;
using Conversations.Grains.Assistant;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Plans;

/// <summary>
/// The plan's AI conversations per month: a conversation the assistant answered this month (UTC) goes on;
/// a new one is admitted while the month's count (<c>assistant_month_usage</c>) is below the limit. The count is
/// raised in the statement that checks it, so two nodes admitting at once never go past it.
/// </summary>
public sealed class PlanAllowance(TenantDatabase database, SubscriptionStore subscriptions, PlanLimitNotices notices, TimeProvider time)
    : IAssistantAllowance
{
    // How many admitted conversations this node remembers before it starts over (≈ 5 MB at most).
    private const int RememberedConversations = 100_000;

    // An admitted conversation stays admitted for the rest of its month, so this node need not ask again on
    // every turn. Only admissions are remembered: a refusal is asked again, as the plan may have changed.
    private readonly ConcurrentDictionary<Guid, DateOnly> admitted = new();

    public async Task<bool> AdmitAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var month = PlanMonths.Of(now);
        if (admitted.TryGetValue(conversationId, out var known) && known == month)
        {
            return true;
        }

        if (await DecideAsync(businessId, conversationId, month, now, cancellationToken))
        {
            if (admitted.Count >= RememberedConversations)
            {
                admitted.Clear();
            }

            admitted[conversationId] = month;
            return true;
        }

        return false;
    }

    private async Task<bool> DecideAsync(Guid businessId, Guid conversationId, DateOnly month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read before this method takes a connection: holding one while another read waits for the pool lets a
        // burst of first turns (each holding one, each waiting for a second) exhaust the pool and stall.
        var plan = await subscriptions.EffectivePlanAsync(businessId, cancellationToken);
        var limit = plan.AiConversationsPerMonth;
        var (admitted, used) = await AdmitAsync(businessId, conversationId, month, now, limit, cancellationToken);
        if (limit is { } allowed && used is { } count)
        {
            await notices.NoteAsync(businessId, PlanLimits.AiConversations, "AI conversations this month", plan, count, allowed, cancellationToken);
        }

        return admitted;
    }

    /// <summary>Whether the conversation is admitted, and the month's count when this call decided it (null when it already was).</summary>
    private async Task<(bool Admitted, int? Used)> AdmitAsync(
        Guid businessId, Guid conversationId, DateOnly month, DateTimeOffset now, int? limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using (var seen = new NpgsqlCommand(
            "SELECT 1 FROM assistant_conversation_months WHERE business_id = @b AND month = @month AND conversation_id = @c", connection))
        {
            seen.Parameters.AddWithValue("b", businessId);
            seen.Parameters.AddWithValue("month", month);
            seen.Parameters.AddWithValue("c", conversationId);
            if (await seen.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return (true, null);
            }
        }

        // Counted and admitted in one statement: the month's row is locked only while it runs, and a count at the
        // limit is left as it is (the conversation is refused).
        await using var admit = new NpgsqlCommand(
            """
            WITH counted AS (
                INSERT INTO assistant_month_usage AS u (business_id, month, used)
                SELECT @b, @month, 1 WHERE @limit::integer IS NULL OR @limit::integer > 0
                ON CONFLICT (business_id, month) DO UPDATE SET used = u.used + 1
                    WHERE @limit::integer IS NULL OR u.used < @limit::integer
                RETURNING u.used),
            admitted AS (
                INSERT INTO assistant_conversation_months (business_id, month, conversation_id, started_at)
                SELECT @b, @month, @c, @now FROM counted
                ON CONFLICT DO NOTHING)
            SELECT (SELECT used FROM counted),
                   (SELECT used FROM assistant_month_usage WHERE business_id = @b AND month = @month)
            """, connection);
        admit.Parameters.AddWithValue("b", businessId);
        admit.Parameters.AddWithValue("month", month);
        admit.Parameters.AddWithValue("c", conversationId);
        admit.Parameters.AddWithValue("now", now);
        admit.Parameters.Add(new NpgsqlParameter("limit", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)limit ?? DBNull.Value });
        await using var reader = await admit.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0)
            ? (false, reader.IsDBNull(1) ? 0 : reader.GetInt32(1))
            : (true, reader.GetInt32(0));
    }
}
