using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Grains.Workspace;
using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Workspace;

/// <summary>Stores notifications and pushes each live to its employee, through the business's stream.</summary>
public sealed class Notifications(TenantDatabase database, IClusterClient cluster, WebPush webPush, TimeProvider time) : IEmployeeNotifier
{
    Task IEmployeeNotifier.NotifyAsync(Guid businessId, Guid employeeId, string kind, string title, Guid? conversationId, CancellationToken cancellationToken) =>
        NotifyAsync(businessId, employeeId, kind, title, conversationId, cancellationToken);

    public async Task<NotificationView> NotifyAsync(
        Guid businessId, Guid employeeId, string kind, string title, Guid? conversationId, CancellationToken cancellationToken)
    {
        var notification = new NotificationView(Guid.CreateVersion7(), employeeId, kind, title, conversationId, time.GetUtcNow(), null);
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO notifications (id, business_id, employee_id, kind, title, conversation_id, created_at)
            VALUES (@id, @business, @employee, @kind, @title, @conversation, @at)
            """, connection);
        command.Parameters.AddWithValue("id", notification.Id);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("conversation", (object?)conversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("at", notification.CreatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);

        await cluster.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
            .OnNextAsync(new NotificationCreated(businessId, notification));

        // Browsers in the background hear of it through their push service, off the caller's path.
        _ = Task.Run(() => webPush.DeliverAsync(notification, CancellationToken.None), CancellationToken.None);
        return notification;
    }

    public async Task<IReadOnlyList<NotificationView>> ListAsync(Guid businessId, Guid employeeId, bool unreadOnly, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT id, employee_id, kind, title, conversation_id, created_at, read_at FROM notifications
            WHERE business_id = @business AND employee_id = @employee {(unreadOnly ? "AND read_at IS NULL" : "")}
            ORDER BY created_at DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.AddWithValue("limit", limit);
        var list = new List<NotificationView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new NotificationView(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return list;
    }

    /// <summary>Marks one (or, without an id, every) notification of the employee read; returns how many changed.</summary>
    public async Task<int> MarkReadAsync(Guid businessId, Guid employeeId, Guid? notificationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE notifications SET read_at = @at
            WHERE business_id = @business AND employee_id = @employee AND read_at IS NULL AND (@id IS NULL OR id = @id)
            """, connection);
        command.Parameters.AddWithValue("business", businessId);
        command.Parameters.AddWithValue("employee", employeeId);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)notificationId ?? DBNull.Value });
        command.Parameters.AddWithValue("at", time.GetUtcNow().ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
