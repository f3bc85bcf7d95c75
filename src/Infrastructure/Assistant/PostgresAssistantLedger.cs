using Conversations.Grains.Assistant;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Assistant;

/// <inheritdoc cref="IAssistantLedger"/>
public sealed class PostgresAssistantLedger(TenantDatabase database) : IAssistantLedger
{
    public async Task RecordTurnAsync(AssistantTurnRecord turn, IReadOnlyList<FlowTransition> transitions, CancellationToken cancellationToken)
    {
        // One statement: the transitions are written only with the turn, so a retried call adds neither twice, and
        // they keep their order through the identity column (unnest returns the arrays' rows in order).
        await using var batch = await database.CreateBatchAsync(turn.BusinessId, cancellationToken);
        var command = new NpgsqlBatchCommand("""
            WITH turn AS (
                INSERT INTO assistant_turns (id, business_id, conversation_id, engine, model, started_at, finished_at, outcome, flow_before, flow_after,
                                             draft, message_ids, input_tokens, output_tokens, cost_micros, tool_calls, error)
                VALUES (@id, @b, @c, @engine, @model, @started, @finished, @outcome, @before, @after, @draft, @messages, @input, @output, @cost, @tools, @error)
                ON CONFLICT (id) DO NOTHING
                RETURNING id)
            INSERT INTO flow_transitions (business_id, conversation_id, from_state, to_state, reason, turn_id, at)
            SELECT @b, @c, t.from_state, t.to_state, t.reason, turn.id, t.at
              FROM turn, unnest(@from::text[], @to::text[], @reason::text[], @at::timestamptz[]) WITH ORDINALITY AS t(from_state, to_state, reason, at, n)
             ORDER BY t.n
            """);
        command.Parameters.AddWithValue("id", turn.TurnId);
        command.Parameters.AddWithValue("b", turn.BusinessId);
        command.Parameters.AddWithValue("c", turn.ConversationId);
        command.Parameters.AddWithValue("engine", turn.Engine);
        command.Parameters.Add(new NpgsqlParameter("model", NpgsqlDbType.Text) { Value = (object?)turn.Model ?? DBNull.Value });
        command.Parameters.AddWithValue("started", turn.StartedAt.ToUniversalTime());
        command.Parameters.AddWithValue("finished", turn.FinishedAt.ToUniversalTime());
        command.Parameters.AddWithValue("outcome", turn.Outcome);
        command.Parameters.AddWithValue("before", FlowStateNames.Of(turn.Before));
        command.Parameters.AddWithValue("after", FlowStateNames.Of(turn.After));
        command.Parameters.Add(new NpgsqlParameter("draft", NpgsqlDbType.Text) { Value = (object?)turn.ReplyText ?? DBNull.Value });
        command.Parameters.AddWithValue("messages", turn.MessageIds.ToArray());
        command.Parameters.AddWithValue("input", turn.Usage.InputTokens);
        command.Parameters.AddWithValue("output", turn.Usage.OutputTokens);
        command.Parameters.AddWithValue("cost", turn.Usage.CostMicros);
        command.Parameters.AddWithValue("tools", turn.Usage.ToolCalls);
        command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)turn.Error ?? DBNull.Value });
        command.Parameters.AddWithValue("from", transitions.Select(t => FlowStateNames.Of(t.From)).ToArray());
        command.Parameters.AddWithValue("to", transitions.Select(t => FlowStateNames.Of(t.To)).ToArray());
        command.Parameters.AddWithValue("reason", transitions.Select(t => t.Reason).ToArray());
        command.Parameters.AddWithValue("at", transitions.Select(t => t.At.ToUniversalTime()).ToArray());
        batch.Commands.Add(command);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<HandoffSummary> RecordHandoffAsync(
        Guid businessId, Guid conversationId, AssistantHandoff handoff, FlowState state, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var summary = new HandoffSummary(Guid.CreateVersion7(at), conversationId, handoff.Reason, handoff.Intent, handoff.Summary, state, at);
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO handoff_summaries (id, business_id, conversation_id, reason, intent, summary, flow_state, at)
            VALUES (@id, @b, @c, @reason, @intent, @summary, @state, @at)
            """, connection);
        command.Parameters.AddWithValue("id", summary.Id);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("c", conversationId);
        command.Parameters.AddWithValue("reason", summary.Reason);
        command.Parameters.AddWithValue("intent", summary.Intent);
        command.Parameters.AddWithValue("summary", summary.Summary);
        command.Parameters.AddWithValue("state", FlowStateNames.Of(state));
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return summary;
    }
}
