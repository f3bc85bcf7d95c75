using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.WebFrontend.Realtime;

/// <summary>
/// Agents' live connection. A connection joins its business's group and nothing else; events reach it from
/// <see cref="BusinessEventRelay"/>, never from a stream subscription of its own.
/// </summary>
[Authorize]
public sealed class ConversationsHub(BusinessEventRelay relay, IClusterClient cluster) : Hub<IConversationsClient>
{
    public const string Path = "/hubs/conversations";

    public static string GroupFor(Guid businessId) => $"business:{businessId:N}";

    /// <summary>One employee's connections (their browsers and devices), for what is only theirs.</summary>
    public static string EmployeeGroupFor(Guid employeeId) => $"employee:{employeeId:N}";

    public override async Task OnConnectedAsync()
    {
        var businessId = Context.User!.GetBusinessId();
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(businessId));
        await Groups.AddToGroupAsync(Context.ConnectionId, EmployeeGroupFor(Context.User!.GetEmployeeId()));
        await relay.JoinAsync(businessId);
        await Employee.ConnectedAsync(Context.ConnectionId);
        await base.OnConnectedAsync();

        // From here on every event reaches this connection: a client catches up (reads what it missed) after
        // this, not after its handshake, so nothing falls in between.
        await Clients.Caller.Ready();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await relay.LeaveAsync(Context.User!.GetBusinessId());
        await Employee.DisconnectedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Clients call this every 30 seconds; an employee without one for two minutes goes offline.</summary>
    public Task Heartbeat() => Employee.HeartbeatAsync(Context.ConnectionId);

    /// <summary>The employee says they are away, or back.</summary>
    public Task SetAway(bool away) => Employee.SetAwayAsync(away);

    /// <summary>The employee is typing in a conversation: colleagues see it live.</summary>
    public Task Typing(Guid conversationId)
    {
        var businessId = Context.User!.GetBusinessId();
        return cluster.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
            .OnNextAsync(new TypingStarted(businessId, conversationId, Context.User!.GetEmployeeId()));
    }

    private IEmployeeGrain Employee => cluster.GetGrain<IEmployeeGrain>(Context.User!.GetEmployeeId());
}
