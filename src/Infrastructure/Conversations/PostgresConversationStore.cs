using Conversations.Infrastructure.Database;
using System.Threading.Channels;
using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Conversations;

/// <summary>
/// Writes the transcript in batches. Every conversation grain awaits its own message, but messages
/// arriving together across all grains of this silo share one transaction and one round trip, so a busy
/// silo writes hundreds of messages per commit instead of one.
/// </summary>
public sealed partial class PostgresConversationStore : IConversationStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<PostgresConversationStore> logger;
    private readonly int maxBatchSize;
    private readonly Channel<PendingAppend> pending = Channel.CreateUnbounded<PendingAppend>();
    private readonly Task[] writers;

    public PostgresConversationStore(
        NpgsqlDataSource dataSource,
        IOptions<ConversationStoreOptions> options,
        ILogger<PostgresConversationStore> logger)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        maxBatchSize = options.Value.MaxBatchSize;
        writers = Enumerable.Range(0, options.Value.Writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public Task<bool> AppendAsync(StoredConversation conversation, StoredMessage message, CancellationToken cancellationToken = default)
    {
        var append = new PendingAppend(conversation, message);
        if (!pending.Writer.TryWrite(append))
        {
            throw new ObjectDisposedException(nameof(PostgresConversationStore));
        }

        return append.Completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<ConversationTail> ReadTailAsync(Guid conversationId, int providerIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.last_customer_message_at, m.sequence, m.provider_message_id
            FROM conversations c
            LEFT JOIN LATERAL (
                SELECT sequence, provider_message_id FROM messages
                WHERE conversation_id = c.id ORDER BY sequence DESC LIMIT @limit) m ON true
            WHERE c.id = @conversation
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("limit", Math.Max(1, providerIds));

        long lastSequence = 0;
        DateTimeOffset? lastCustomerMessageAt = null;
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lastCustomerMessageAt = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
            if (!reader.IsDBNull(1))
            {
                lastSequence = Math.Max(lastSequence, reader.GetInt64(1));
            }

            if (!reader.IsDBNull(2))
            {
                ids.Add(reader.GetString(2));
            }
        }

        return new ConversationTail(lastSequence, ids, lastCustomerMessageAt);
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(maxBatchSize);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatchSize && pending.Reader.TryRead(out var append))
            {
                batch.Add(append);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception exception) when (batch.Count > 1)
            {
                // One bad row must not fail its neighbours: retry them one by one so only it fails.
                LogBatchFailed(exception, batch.Count);
                foreach (var append in batch)
                {
                    await WriteAloneAsync(append);
                }
            }
            catch (Exception exception)
            {
                batch[0].Completion.TrySetException(exception);
            }

            batch.Clear();
        }
    }

    private async Task WriteAloneAsync(PendingAppend append)
    {
        try
        {
            await WriteBatchAsync([append]);
        }
        catch (Exception exception)
        {
            append.Completion.TrySetException(exception);
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<PendingAppend> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var sql = new NpgsqlBatch(connection, transaction);

        // A conversation appears once per statement, with the newest facts the batch holds about it.
        var conversations = batch
            .GroupBy(a => a.Conversation.Id)
            .Select(g => g.MaxBy(a => a.Message.Sequence)!.Conversation)
            .ToList();

        var upsertConversations = new NpgsqlBatchCommand("""
            INSERT INTO conversations AS c (id, business_id, customer_wa_id, customer_name, mode, created_at,
                                            last_message_at, last_sequence, last_customer_message_at)
            SELECT id, business_id, customer_wa_id, customer_name, mode, created_at, created_at, 0, last_customer
            FROM unnest(@id, @business, @customer, @name, @mode, @created, @last_customer)
                AS t(id, business_id, customer_wa_id, customer_name, mode, created_at, last_customer)
            ON CONFLICT (id) DO UPDATE
                SET customer_name = COALESCE(EXCLUDED.customer_name, c.customer_name),
                    customer_wa_id = CASE WHEN c.customer_wa_id LIKE 'erased:%' THEN EXCLUDED.customer_wa_id ELSE c.customer_wa_id END
                -- Only when something changed: every row written is a new tuple, and the message insert below
                -- moves the conversation's counters anyway.
                WHERE (EXCLUDED.customer_name IS NOT NULL AND EXCLUDED.customer_name IS DISTINCT FROM c.customer_name)
                   OR c.customer_wa_id LIKE 'erased:%'
            """);
        upsertConversations.Parameters.Add(ArrayParameter.Of("id", NpgsqlDbType.Uuid, conversations.Select(c => c.Id)));
        upsertConversations.Parameters.Add(ArrayParameter.Of("business", NpgsqlDbType.Uuid, conversations.Select(c => c.BusinessId)));
        upsertConversations.Parameters.Add(ArrayParameter.Of("customer", NpgsqlDbType.Text, conversations.Select(c => c.CustomerWaId)));
        upsertConversations.Parameters.Add(ArrayParameter.Of("name", NpgsqlDbType.Text, conversations.Select(c => c.CustomerName)));
        upsertConversations.Parameters.Add(ArrayParameter.Of("mode", NpgsqlDbType.Text, conversations.Select(c => StoredNames.Of(c.Mode))));
        upsertConversations.Parameters.Add(ArrayParameter.Of("created", NpgsqlDbType.TimestampTz, conversations.Select(c => c.CreatedAt.ToUniversalTime())));
        upsertConversations.Parameters.Add(ArrayParameter.Of("last_customer", NpgsqlDbType.TimestampTz, conversations.Select(c => c.LastCustomerMessageAt?.ToUniversalTime())));
        sql.BatchCommands.Add(upsertConversations);

        // Inbound messages are duplicates when the provider id is known; outbound ones when their id is.
        // Any other conflict (a sequence number taken) is an error, never a silent drop.
        var inbound = batch.Select(a => a.Message).Where(m => m.Direction == MessageDirection.Inbound).ToList();
        if (inbound.Count > 0)
        {
            sql.BatchCommands.Add(InsertMessages(
                inbound, "ON CONFLICT (business_id, provider_message_id) WHERE provider_message_id IS NOT NULL DO NOTHING"));
        }

        var outbound = batch.Select(a => a.Message).Where(m => m.Direction == MessageDirection.Outbound).ToList();
        if (outbound.Count > 0)
        {
            sql.BatchCommands.Add(InsertMessages(outbound, "ON CONFLICT (id) DO NOTHING"));
        }

        var inserted = new HashSet<Guid>();
        await using (var reader = await sql.ExecuteReaderAsync())
        {
            // Only the message inserts return rows: the ids they inserted.
            do
            {
                while (await reader.ReadAsync())
                {
                    inserted.Add(reader.GetGuid(0));
                }
            }
            while (await reader.NextResultAsync());
        }

        await transaction.CommitAsync();

        foreach (var append in batch)
        {
            append.Completion.TrySetResult(inserted.Contains(append.Message.Id));
        }
    }

    private static NpgsqlBatchCommand InsertMessages(IReadOnlyList<StoredMessage> messages, string onConflict)
    {
        var command = new NpgsqlBatchCommand($"""
            WITH inserted AS (
                INSERT INTO messages (id, business_id, conversation_id, sequence, direction, sender, kind, body, content,
                                      provider_message_id, sent_at, stored_at, reply_to_provider_message_id,
                                      sender_employee_id, delivery_state, delivery_updated_at)
                SELECT id, business_id, conversation_id, sequence, direction, sender, kind, body, content::jsonb,
                       provider_message_id, sent_at, stored_at, reply_to, employee, delivery,
                       CASE WHEN delivery IS NULL THEN NULL ELSE stored_at END
                FROM unnest(@id, @business, @conversation, @sequence, @direction, @sender, @kind, @body, @content,
                            @provider_id, @sent, @stored, @reply_to, @employee, @delivery)
                    AS t(id, business_id, conversation_id, sequence, direction, sender, kind, body, content,
                         provider_message_id, sent_at, stored_at, reply_to, employee, delivery)
                {onConflict}
                RETURNING id, business_id, conversation_id, sequence, stored_at, direction, sent_at),
            advanced AS (
                UPDATE conversations c
                SET last_sequence = GREATEST(c.last_sequence, t.last_sequence),
                    last_message_at = GREATEST(c.last_message_at, t.last_message_at),
                    last_customer_message_at = GREATEST(c.last_customer_message_at, t.last_customer_message_at)
                FROM (SELECT conversation_id, max(sequence) AS last_sequence, max(stored_at) AS last_message_at,
                             max(sent_at) FILTER (WHERE direction = 'inbound') AS last_customer_message_at
                      FROM inserted GROUP BY conversation_id) t
                WHERE c.id = t.conversation_id),
            queued AS (
                INSERT INTO outbox (message_id, business_id, conversation_id, channel_key, next_attempt_at)
                SELECT i.id, i.business_id, i.conversation_id, q.channel_key, i.stored_at
                FROM inserted i
                JOIN unnest(@id, @outbox) AS q(id, channel_key) ON q.id = i.id
                WHERE q.channel_key IS NOT NULL)
            SELECT id FROM inserted
            """);
        command.Parameters.Add(ArrayParameter.Of("id", NpgsqlDbType.Uuid, messages.Select(m => m.Id)));
        command.Parameters.Add(ArrayParameter.Of("business", NpgsqlDbType.Uuid, messages.Select(m => m.BusinessId)));
        command.Parameters.Add(ArrayParameter.Of("conversation", NpgsqlDbType.Uuid, messages.Select(m => m.ConversationId)));
        command.Parameters.Add(ArrayParameter.Of("sequence", NpgsqlDbType.Bigint, messages.Select(m => m.Sequence)));
        command.Parameters.Add(ArrayParameter.Of("direction", NpgsqlDbType.Text, messages.Select(m => StoredNames.Of(m.Direction))));
        command.Parameters.Add(ArrayParameter.Of("sender", NpgsqlDbType.Text, messages.Select(m => StoredNames.Of(m.Sender))));
        command.Parameters.Add(ArrayParameter.Of("kind", NpgsqlDbType.Text, messages.Select(m => m.Content.Kind)));
        command.Parameters.Add(ArrayParameter.Of("body", NpgsqlDbType.Text, messages.Select(m => m.Content.Text)));
        command.Parameters.Add(ArrayParameter.Of("content", NpgsqlDbType.Text, messages.Select(m => MessageContentJson.Serialize(m.Content))));
        command.Parameters.Add(ArrayParameter.Of("provider_id", NpgsqlDbType.Text, messages.Select(m => m.ProviderMessageId)));
        command.Parameters.Add(ArrayParameter.Of("sent", NpgsqlDbType.TimestampTz, messages.Select(m => m.SentAt.ToUniversalTime())));
        command.Parameters.Add(ArrayParameter.Of("stored", NpgsqlDbType.TimestampTz, messages.Select(m => m.StoredAt.ToUniversalTime())));
        command.Parameters.Add(ArrayParameter.Of("reply_to", NpgsqlDbType.Text, messages.Select(m => m.ReplyToProviderMessageId)));
        command.Parameters.Add(ArrayParameter.Of("employee", NpgsqlDbType.Uuid, messages.Select(m => m.EmployeeId)));
        command.Parameters.Add(ArrayParameter.Of("delivery", NpgsqlDbType.Text, messages.Select(m => m.Delivery is { } d ? StoredNames.Of(d) : null)));
        command.Parameters.Add(ArrayParameter.Of("outbox", NpgsqlDbType.Text, messages.Select(m => m.OutboxChannelKey)));
        return command;
    }

    public async Task<MessageView?> ReadMessageAsync(Guid conversationId, Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {MessageReader.Columns} FROM messages m WHERE m.conversation_id = @conversation AND m.id = @id");
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("id", messageId);
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<MessageView?> AdvanceDeliveryAsync(
        Guid conversationId, string providerMessageId, DeliveryState state, DateTimeOffset at,
        string? errorCode, string? errorTitle, CancellationToken cancellationToken = default)
    {
        // Ranks make the rule one comparison: states only move up, and failed (between sent and delivered)
        // can follow queued or sent but never undo a delivery or a read.
        await using var command = dataSource.CreateCommand($"""
            UPDATE messages m
            SET delivery_state = @state, delivery_updated_at = @at,
                delivery_error_code = CASE WHEN @state = 'failed' THEN @code ELSE m.delivery_error_code END,
                delivery_error_title = CASE WHEN @state = 'failed' THEN @title ELSE m.delivery_error_title END
            WHERE m.conversation_id = @conversation AND m.provider_message_id = @provider_id
              AND m.direction = 'outbound'
              AND {Rank("m.delivery_state")} < {Rank("@state")}
            RETURNING {MessageReader.Columns}
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("provider_id", providerMessageId);
        command.Parameters.AddWithValue("state", StoredNames.Of(state));
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("code", NpgsqlDbType.Text) { Value = (object?)errorCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("title", NpgsqlDbType.Text) { Value = (object?)errorTitle ?? DBNull.Value });
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<MessageView?> CompleteSendAsync(
        Guid conversationId, Guid messageId, ProviderSendResult result, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var state = result.Accepted ? DeliveryState.Sent : DeliveryState.Failed;
        await using var command = dataSource.CreateCommand($"""
            WITH dequeued AS (
                DELETE FROM outbox WHERE message_id = @id)
            UPDATE messages m
            SET provider_message_id = COALESCE(@provider_id, m.provider_message_id),
                delivery_state = CASE WHEN {Rank("m.delivery_state")} < {Rank("@state")} THEN @state ELSE m.delivery_state END,
                delivery_updated_at = @at,
                delivery_error_code = @code,
                delivery_error_title = @title
            WHERE m.conversation_id = @conversation AND m.id = @id
            RETURNING {MessageReader.Columns}
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("state", StoredNames.Of(state));
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("provider_id", NpgsqlDbType.Text) { Value = (object?)result.ProviderMessageId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("code", NpgsqlDbType.Text) { Value = (object?)result.ErrorCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("title", NpgsqlDbType.Text) { Value = (object?)result.ErrorTitle ?? DBNull.Value });
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<bool> RecordRatingAsync(
        Guid businessId, Guid conversationId, Guid? employeeId, int rating, string providerMessageId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO conversation_ratings (business_id, conversation_id, employee_id, rating, provider_message_id, rated_at)
            VALUES (@business, @conversation, @employee, @rating, @provider_id, @at)
            ON CONFLICT (business_id, provider_message_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.Add(new NpgsqlParameter("employee", NpgsqlDbType.Uuid) { Value = (object?)employeeId ?? DBNull.Value });
        command.Parameters.AddWithValue("rating", (short)rating);
        command.Parameters.AddWithValue("provider_id", providerMessageId);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task AddRatingCommentAsync(Guid conversationId, string comment, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE conversation_ratings SET comment = @comment
            WHERE id = (SELECT max(id) FROM conversation_ratings WHERE conversation_id = @conversation)
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("comment", comment.Length > 2000 ? comment[..2000] : comment);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveHandlingAsync(ConversationHandling handling, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            WITH history AS (
                INSERT INTO conversation_assignments (business_id, conversation_id, action, actor_id, from_employee, to_employee, mode, at)
                SELECT @business, @id, @action, @actor, @from, @to, @mode, @at
                WHERE @action IS NOT NULL)
            UPDATE conversations
            SET mode = @mode, status = @status, assignee_id = @assignee, labels = @labels, snoozed_until = @snoozed
            WHERE id = @id AND business_id = @business
            """);
        var handover = handling.Handover;
        command.Parameters.AddWithValue("id", handling.ConversationId);
        command.Parameters.AddWithValue("business", handling.BusinessId);
        command.Parameters.AddWithValue("mode", StoredNames.Of(handling.Mode));
        command.Parameters.AddWithValue("status", StoredNames.Of(handling.Status));
        command.Parameters.Add(new NpgsqlParameter("assignee", NpgsqlDbType.Uuid) { Value = (object?)handling.AssigneeId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("labels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = handling.Labels.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("snoozed", NpgsqlDbType.TimestampTz) { Value = (object?)handling.SnoozedUntil?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("action", NpgsqlDbType.Text) { Value = (object?)handover?.Action ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("actor", NpgsqlDbType.Uuid) { Value = (object?)handover?.ActorId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Uuid) { Value = (object?)handover?.From ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Uuid) { Value = (object?)handover?.To ?? DBNull.Value });
        command.Parameters.AddWithValue("at", (handover?.At ?? DateTimeOffset.UnixEpoch).ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<MessageView?> CompleteMediaAsync(
        Guid conversationId, Guid messageId, Guid? storedMediaId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            WITH dequeued AS (
                DELETE FROM outbox WHERE message_id = @id)
            UPDATE messages
            SET content = CASE WHEN @media IS NULL THEN content
                               ELSE jsonb_set(content, '{media,storedMediaId}', to_jsonb(@media::uuid)) END
            WHERE conversation_id = @conversation AND id = @id
            RETURNING id
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.Add(new NpgsqlParameter("media", NpgsqlDbType.Uuid) { Value = (object?)storedMediaId ?? DBNull.Value });
        return await ReadChangedAsync(command, conversationId, cancellationToken);
    }

    public async Task<MessageView?> CompleteTranscriptAsync(
        Guid businessId, Guid conversationId, Guid messageId, VoiceTranscription transcription, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // The transcript joins the message's content (what agents and the assistant read) and its body (what search finds).
        await using var command = dataSource.CreateCommand("""
            WITH recorded AS (
                INSERT INTO voice_transcriptions (message_id, business_id, conversation_id, state, model, language, duration_ms, cost_micros, error, at)
                SELECT id, business_id, conversation_id, @state, @model, @language, @duration, @cost, @error, @at
                  FROM messages WHERE conversation_id = @conversation AND id = @id AND business_id = @business
                ON CONFLICT (message_id) DO UPDATE SET
                    state = EXCLUDED.state, model = EXCLUDED.model, language = EXCLUDED.language, duration_ms = EXCLUDED.duration_ms,
                    cost_micros = EXCLUDED.cost_micros, error = EXCLUDED.error, at = EXCLUDED.at)
            UPDATE messages
            SET content = jsonb_set(
                    jsonb_set(content, '{media,transcriptionState}', to_jsonb(@state::text)),
                    '{media,transcript}', coalesce(to_jsonb(@text::text), 'null'::jsonb)),
                body = coalesce(@text, body)
            WHERE conversation_id = @conversation AND id = @id AND business_id = @business AND content->'media' IS NOT NULL
            RETURNING id
            """);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("state", transcription.State);
        command.Parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = (object?)transcription.Text ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("model", NpgsqlDbType.Text) { Value = (object?)transcription.Model ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("language", NpgsqlDbType.Text) { Value = (object?)transcription.Language ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("duration", NpgsqlDbType.Bigint)
        {
            Value = transcription.Duration is { } duration ? (long)duration.TotalMilliseconds : DBNull.Value,
        });
        command.Parameters.AddWithValue("cost", transcription.CostMicros);
        command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)transcription.Error ?? DBNull.Value });
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        return await ReadChangedAsync(command, conversationId, cancellationToken);
    }

    public async Task<MessageView?> SetReactionAsync(
        Guid businessId, Guid conversationId, string reactor, ReactionMark reaction, string reactionProviderMessageId,
        DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // The reaction's own provider id makes a redelivery a no-op; an older reaction never replaces a newer one.
        await using var command = dataSource.CreateCommand("""
            WITH target AS (
                SELECT id FROM messages
                WHERE conversation_id = @conversation AND provider_message_id = @target),
            removed AS (
                DELETE FROM message_reactions r USING target t
                WHERE @emoji = '' AND r.message_id = t.id AND r.reactor = @reactor AND r.reacted_at <= @at
                  AND r.provider_message_id <> @reaction_id
                RETURNING r.message_id),
            upserted AS (
                INSERT INTO message_reactions (message_id, business_id, reactor, emoji, provider_message_id, reacted_at)
                SELECT t.id, @business, @reactor, @emoji, @reaction_id, @at FROM target t WHERE @emoji <> ''
                ON CONFLICT (message_id, reactor) DO UPDATE
                    SET emoji = EXCLUDED.emoji, provider_message_id = EXCLUDED.provider_message_id, reacted_at = EXCLUDED.reacted_at
                    WHERE message_reactions.provider_message_id <> EXCLUDED.provider_message_id
                      AND message_reactions.reacted_at <= EXCLUDED.reacted_at
                RETURNING message_id)
            SELECT message_id FROM removed UNION SELECT message_id FROM upserted
            """);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("target", reaction.TargetProviderMessageId);
        command.Parameters.AddWithValue("reactor", reactor);
        command.Parameters.AddWithValue("emoji", reaction.Emoji);
        command.Parameters.AddWithValue("reaction_id", reactionProviderMessageId);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        return await ReadChangedAsync(command, conversationId, cancellationToken);
    }

    /// <summary>
    /// Runs a write that returns the id of the message it changed, then reads that message as it now stands
    /// (a statement's own snapshot does not see its writes).
    /// </summary>
    /// <summary>
    /// The message a change found, read after it. The hot paths (a send's result, a delivery status) return the
    /// row from the change itself instead, in one round trip.
    /// </summary>
    private async Task<MessageView?> ReadChangedAsync(NpgsqlCommand command, Guid conversationId, CancellationToken cancellationToken)
    {
        var changed = await command.ExecuteScalarAsync(cancellationToken);
        return changed is Guid messageId ? await ReadMessageAsync(conversationId, messageId, cancellationToken) : null;
    }

    private static async Task<MessageView?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? MessageReader.Read(reader) : null;
    }

    private static string Rank(string state) =>
        $"(CASE {state} WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'failed' THEN 1.5 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ELSE -1 END)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} messages failed; writing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record PendingAppend(StoredConversation Conversation, StoredMessage Message)
    {
        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
