using System.Collections.Concurrent;
using Conversations.Grains.Assistant;
using Npgsql;

namespace Conversations.Infrastructure.Plans;

/// <summary>
/// The plan's AI conversations per month: a conversation the assistant answered this month (UTC) goes on;
/// a new one is admitted while the month's count is below the limit. The count is taken under a per-business
/// transaction lock, so two nodes admitting at once never go past it.
/// </summary>
public sealed class PlanAllowance(NpgsqlDataSource dataSource, SubscriptionStore subscriptions, PlanLimitNotices notices, TimeProvider time)
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var seen = new NpgsqlCommand(
            "SELECT 1 FROM assistant_conversation_months WHERE business_id = @b AND month = @month AND conversation_id = @c", connection))
        {
            seen.Parameters.AddWithValue("b", businessId);
            seen.Parameters.AddWithValue("month", month);
            seen.Parameters.AddWithValue("c", conversationId);
            if (await seen.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return true;
            }
        }

        var plan = await subscriptions.EffectivePlanAsync(businessId, cancellationToken);
        long used;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var command = new NpgsqlCommand(
                """
                SELECT pg_advisory_xact_lock(hashtextextended('assistant-allowance:' || @b::text, 0));
                SELECT count(*) FROM assistant_conversation_months WHERE business_id = @b AND month = @month;
                """, connection, transaction))
            {
                command.Parameters.AddWithValue("b", businessId);
                command.Parameters.AddWithValue("month", month);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                used = reader.GetInt64(0);
            }

            if (plan.AiConversationsPerMonth is { } limit && used >= limit)
            {
                await transaction.RollbackAsync(cancellationToken);
                await notices.NoteAsync(businessId, PlanLimits.AiConversations, "AI conversations this month", plan, used, limit, cancellationToken);
                return false;
            }

            await using (var insert = new NpgsqlCommand(
                """
                INSERT INTO assistant_conversation_months (business_id, month, conversation_id, started_at) VALUES (@b, @month, @c, @now)
                ON CONFLICT DO NOTHING
                """, connection, transaction))
            {
                insert.Parameters.AddWithValue("b", businessId);
                insert.Parameters.AddWithValue("month", month);
                insert.Parameters.AddWithValue("c", conversationId);
                insert.Parameters.AddWithValue("now", now);
                used += await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (plan.AiConversationsPerMonth is { } allowed)
        {
            await notices.NoteAsync(businessId, PlanLimits.AiConversations, "AI conversations this month", plan, used, allowed, cancellationToken);
        }

        return true;
    }
}
