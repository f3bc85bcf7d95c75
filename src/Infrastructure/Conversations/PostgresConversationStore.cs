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
            SELECT sequence, provider_message_id
            FROM messages
            WHERE conversation_id = @conversation
            ORDER BY sequence DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("limit", Math.Max(1, providerIds));

        long lastSequence = 0;
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lastSequence = Math.Max(lastSequence, reader.GetInt64(0));
            if (!reader.IsDBNull(1))
            {
                ids.Add(reader.GetString(1));
            }
        }

        return new ConversationTail(lastSequence, ids);
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

        var createConversations = new NpgsqlBatchCommand("""
            INSERT INTO conversations AS c (id, business_id, customer_wa_id, customer_name, mode, created_at, last_message_at, last_sequence)
            SELECT id, business_id, customer_wa_id, customer_name, mode, created_at, created_at, 0
            FROM unnest(@id, @business, @customer, @name, @mode, @created)
                AS t(id, business_id, customer_wa_id, customer_name, mode, created_at)
            ON CONFLICT (id) DO UPDATE
                SET customer_name = COALESCE(EXCLUDED.customer_name, c.customer_name)
                WHERE EXCLUDED.customer_name IS DISTINCT FROM c.customer_name AND EXCLUDED.customer_name IS NOT NULL
            """);
        createConversations.Parameters.Add(Array("id", NpgsqlDbType.Uuid, conversations.Select(c => c.Id)));
        createConversations.Parameters.Add(Array("business", NpgsqlDbType.Uuid, conversations.Select(c => c.BusinessId)));
        createConversations.Parameters.Add(Array("customer", NpgsqlDbType.Text, conversations.Select(c => c.CustomerWaId)));
        createConversations.Parameters.Add(Array("name", NpgsqlDbType.Text, conversations.Select(c => c.CustomerName)));
        createConversations.Parameters.Add(Array("mode", NpgsqlDbType.Text, conversations.Select(c => ModeName(c.Mode))));
        createConversations.Parameters.Add(Array("created", NpgsqlDbType.TimestampTz, conversations.Select(c => c.CreatedAt.ToUniversalTime())));
        sql.BatchCommands.Add(createConversations);

        var messages = batch.Select(a => a.Message).ToList();
        var insertMessages = new NpgsqlBatchCommand("""
            WITH inserted AS (
                INSERT INTO messages (id, business_id, conversation_id, sequence, direction, sender, kind, body,
                                      provider_message_id, sent_at, stored_at)
                SELECT * FROM unnest(@id, @business, @conversation, @sequence, @direction, @sender, @kind, @body,
                                     @provider_id, @sent, @stored)
                ON CONFLICT (business_id, provider_message_id) WHERE provider_message_id IS NOT NULL DO NOTHING
                RETURNING id, conversation_id, sequence, stored_at),
            advanced AS (
                UPDATE conversations c
                SET last_sequence = GREATEST(c.last_sequence, t.last_sequence),
                    last_message_at = GREATEST(c.last_message_at, t.last_message_at)
                FROM (SELECT conversation_id, max(sequence) AS last_sequence, max(stored_at) AS last_message_at
                      FROM inserted GROUP BY conversation_id) t
                WHERE c.id = t.conversation_id)
            SELECT id FROM inserted
            """);
        insertMessages.Parameters.Add(Array("id", NpgsqlDbType.Uuid, messages.Select(m => m.Id)));
        insertMessages.Parameters.Add(Array("business", NpgsqlDbType.Uuid, messages.Select(m => m.BusinessId)));
        insertMessages.Parameters.Add(Array("conversation", NpgsqlDbType.Uuid, messages.Select(m => m.ConversationId)));
        insertMessages.Parameters.Add(Array("sequence", NpgsqlDbType.Bigint, messages.Select(m => m.Sequence)));
        insertMessages.Parameters.Add(Array("direction", NpgsqlDbType.Text, messages.Select(m => DirectionName(m.Direction))));
        insertMessages.Parameters.Add(Array("sender", NpgsqlDbType.Text, messages.Select(m => SenderName(m.Sender))));
        insertMessages.Parameters.Add(Array("kind", NpgsqlDbType.Text, messages.Select(m => m.Kind)));
        insertMessages.Parameters.Add(Array("body", NpgsqlDbType.Text, messages.Select(m => m.Body)));
        insertMessages.Parameters.Add(Array("provider_id", NpgsqlDbType.Text, messages.Select(m => m.ProviderMessageId)));
        insertMessages.Parameters.Add(Array("sent", NpgsqlDbType.TimestampTz, messages.Select(m => m.SentAt.ToUniversalTime())));
        insertMessages.Parameters.Add(Array("stored", NpgsqlDbType.TimestampTz, messages.Select(m => m.StoredAt.ToUniversalTime())));
        sql.BatchCommands.Add(insertMessages);

        var inserted = new HashSet<Guid>();
        await using (var reader = await sql.ExecuteReaderAsync())
        {
            // Only the second command returns rows: the ids it inserted.
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

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };

    internal static string ModeName(ConversationMode mode) => mode switch
    {
        ConversationMode.Ai => "ai",
        ConversationMode.Human => "human",
        ConversationMode.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    internal static string DirectionName(MessageDirection direction) => direction switch
    {
        MessageDirection.Inbound => "inbound",
        MessageDirection.Outbound => "outbound",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    internal static string SenderName(MessageSender sender) => sender switch
    {
        MessageSender.Customer => "customer",
        MessageSender.Assistant => "assistant",
        MessageSender.Employee => "employee",
        MessageSender.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(sender), sender, null),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} messages failed; writing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record PendingAppend(StoredConversation Conversation, StoredMessage Message)
    {
        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
