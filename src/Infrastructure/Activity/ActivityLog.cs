using System.Net;
using System.Text.Json;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Activity;

/// <summary>
/// Writes the activity log (<c>activity_logs</c>). An entry is written before the response that reports the action,
/// so an acknowledged action is on record; but recording never fails the action: a write that fails or takes too
/// long is logged and dropped.
/// </summary>
public sealed partial class ActivityLog(TenantDatabase database, ILogger<ActivityLog> logger)
{
    /// <summary>Longer than any healthy insert; a stuck database must not hold the request up for good.</summary>
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records <paramref name="entry"/>; never throws.</summary>
    /// <remarks>
    /// Not cancelled with the request: an action that happened is recorded even when its caller has gone away.
    /// </remarks>
    public async Task RecordAsync(ActivityEntry entry)
    {
        try
        {
            using var timeout = new CancellationTokenSource(WriteTimeout);
            await using var connection = await database.OpenSystemAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand("""
                INSERT INTO activity_logs (business_id, employee_id, action, target_type, target_id, details, ip, user_agent, at)
                VALUES (@business, @employee, @action, @targetType, @targetId, @details::jsonb, @ip, @agent, @at)
                """, connection);
            command.Parameters.Add(new NpgsqlParameter("business", NpgsqlDbType.Uuid) { Value = (object?)entry.BusinessId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("employee", NpgsqlDbType.Uuid) { Value = (object?)entry.EmployeeId ?? DBNull.Value });
            command.Parameters.AddWithValue("action", entry.Action);
            command.Parameters.Add(new NpgsqlParameter("targetType", NpgsqlDbType.Text) { Value = (object?)entry.TargetType ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("targetId", NpgsqlDbType.Text) { Value = (object?)entry.TargetId ?? DBNull.Value });
            command.Parameters.AddWithValue("details", entry.Details is null ? "{}" : JsonSerializer.Serialize(entry.Details, entry.Details.GetType(), Json));
            command.Parameters.Add(new NpgsqlParameter("ip", NpgsqlDbType.Inet) { Value = (object?)Normalize(entry.Ip) ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("agent", NpgsqlDbType.Text) { Value = (object?)Truncate(entry.UserAgent) ?? DBNull.Value });
            command.Parameters.AddWithValue("at", entry.At.ToUniversalTime());
            await command.ExecuteNonQueryAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            LogWriteFailed(exception, entry.Action, entry.BusinessId);
        }
    }

    /// <summary>An IPv4 client seen through a dual-stack socket is recorded as the IPv4 address it is.</summary>
    private static IPAddress? Normalize(IPAddress? ip) => ip is { IsIPv4MappedToIPv6: true } ? ip.MapToIPv4() : ip;

    private static string? Truncate(string? userAgent) =>
        string.IsNullOrEmpty(userAgent) ? null : userAgent.Length > 512 ? userAgent[..512] : userAgent;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record activity {Action} of business {BusinessId}")]
    private partial void LogWriteFailed(Exception exception, string action, Guid? businessId);
}
