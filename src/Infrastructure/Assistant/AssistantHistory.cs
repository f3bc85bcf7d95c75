using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Assistant;

/// <summary>What the assistant did, as agents and owners read it: per conversation, and its usage per day.</summary>
public sealed class AssistantHistory(TenantDatabase database)
{
    public async Task<AssistantActivity> ForConversationAsync(Guid businessId, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        var turns = new List<AssistantTurnView>();
        await using (var command = new NpgsqlCommand("""
            SELECT id, engine, model, started_at, finished_at, outcome, flow_before, flow_after, draft, message_ids,
                   input_tokens, output_tokens, cost_micros, tool_calls, error
              FROM assistant_turns WHERE business_id = @b AND conversation_id = @c
             ORDER BY started_at DESC LIMIT 50
            """, connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("c", conversationId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                turns.Add(new AssistantTurnView(
                    reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5),
                    reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.GetFieldValue<Guid[]>(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12), reader.GetInt32(13),
                    reader.IsDBNull(14) ? null : reader.GetString(14)));
            }
        }

        var transitions = new List<FlowTransitionView>();
        await using (var command = new NpgsqlCommand("""
            SELECT from_state, to_state, reason, turn_id, at FROM flow_transitions
             WHERE business_id = @b AND conversation_id = @c ORDER BY id DESC LIMIT 100
            """, connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("c", conversationId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                transitions.Add(new FlowTransitionView(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4)));
            }
        }

        var handoffs = new List<HandoffSummaryView>();
        await using (var command = new NpgsqlCommand("""
            SELECT id, reason, intent, summary, flow_state, at FROM handoff_summaries
             WHERE business_id = @b AND conversation_id = @c ORDER BY at DESC LIMIT 20
            """, connection))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("c", conversationId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                handoffs.Add(new HandoffSummaryView(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        // A draft stays on offer until the assistant sends something newer.
        var draft = turns.TakeWhile(t => t.Outcome == "drafted").FirstOrDefault(t => t.Draft is not null);
        transitions.Reverse();
        return new AssistantActivity(draft?.Draft, draft?.Id, handoffs.FirstOrDefault(), handoffs, turns, transitions);
    }

    /// <summary>Turns, tokens and cost per local day of the business, from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public async Task<AssistantUsage> UsageAsync(Guid businessId, DateOnly from, DateOnly to, string timeZone, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT (started_at AT TIME ZONE @zone)::date AS day, count(*), sum(input_tokens), sum(output_tokens), sum(cost_micros),
                   count(*) FILTER (WHERE outcome = 'handoff'), count(DISTINCT conversation_id), coalesce(sum(cardinality(message_ids)), 0)
              FROM assistant_turns
             WHERE business_id = @b
               AND started_at >= (@from::timestamp AT TIME ZONE @zone) AND started_at < ((@to::timestamp + interval '1 day') AT TIME ZONE @zone)
             GROUP BY 1 ORDER BY 1
            """, connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("zone", timeZone);
        command.Parameters.AddWithValue("from", from.ToDateTime(TimeOnly.MinValue));
        command.Parameters.AddWithValue("to", to.ToDateTime(TimeOnly.MinValue));
        var days = new List<AssistantUsageDay>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new AssistantUsageDay(
                DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        }

        return new AssistantUsage(
            from, to, timeZone, days,
            new AssistantUsageDay(
                null, days.Sum(d => d.Turns), days.Sum(d => d.InputTokens), days.Sum(d => d.OutputTokens), days.Sum(d => d.CostMicros),
                days.Sum(d => d.Handoffs), days.Sum(d => d.Conversations), days.Sum(d => d.Messages)));
    }
}
