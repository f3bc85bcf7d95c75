using System.Collections.Concurrent;
using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.WebFrontend.Realtime;

/// <summary>
/// This frontend's hub connections by employee, so a revoked session, a deactivation or a change of role ends the
/// employee's live connections at once instead of when the token expires: the employee grain announces the change
/// on the business's stream, <see cref="BusinessEventRelay"/> hands it here, and every connection whose token the
/// grain no longer accepts is aborted.
/// </summary>
public sealed partial class LiveConnections(IGrainFactory grains, ILogger<LiveConnections> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> byEmployee = new();

    /// <summary>Tracks the connection, then checks its token once more: a revocation announced in between is not missed.</summary>
    public async Task AddAsync(HubCallerContext connection)
    {
        var employeeId = connection.User!.GetEmployeeId();
        byEmployee.GetOrAdd(employeeId, _ => new(StringComparer.Ordinal))[connection.ConnectionId] = connection;
        await RecheckAsync(employeeId, connection);
    }

    public void Remove(HubCallerContext connection)
    {
        var employeeId = connection.User!.GetEmployeeId();
        if (byEmployee.TryGetValue(employeeId, out var connections))
        {
            connections.TryRemove(connection.ConnectionId, out _);
            if (connections.IsEmpty)
            {
                byEmployee.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, HubCallerContext>>(employeeId, connections));
            }
        }
    }

    /// <summary>Aborts the employee's connections on this frontend whose token no longer counts.</summary>
    public async Task RecheckAsync(Guid employeeId)
    {
        if (byEmployee.TryGetValue(employeeId, out var connections))
        {
            foreach (var connection in connections.Values)
            {
                await RecheckAsync(employeeId, connection);
            }
        }
    }

    private async Task RecheckAsync(Guid employeeId, HubCallerContext connection)
    {
        if (!await IsTokenValidAsync(employeeId, connection.User!))
        {
            LogDropped(employeeId, connection.ConnectionId);
            connection.Abort();
        }
    }

    private async Task<bool> IsTokenValidAsync(Guid employeeId, ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ConversationsClaims.SessionId), out var sessionId)
        && user.FindFirstValue(ConversationsClaims.Role) is { } role
        && await grains.GetGrain<IEmployeeGrain>(employeeId).IsTokenValidAsync(sessionId, role, user.GetRoleVersion());

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped live connection {ConnectionId} of employee {EmployeeId}: its token no longer counts")]
    private partial void LogDropped(Guid employeeId, string connectionId);
}
