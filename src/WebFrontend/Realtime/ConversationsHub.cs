using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.WebFrontend.Realtime;

/// <summary>
/// Agents' live connection. A connection joins its business's group (when its role may read conversations) and its
/// employee's group, both taken from its token, and nothing else: no method takes a group, and the one that names a
/// conversation refuses any but its own business's. Events reach it from <see cref="BusinessEventRelay"/>, never from
/// a stream subscription of its own.
/// </summary>
[Authorize(Policy = Permission.OwnAccount)]
public sealed class ConversationsHub(
    BusinessEventRelay relay, LiveConnections live, IClusterClient cluster, EmployeeAccess access, ConversationQueries conversations)
    : Hub<IConversationsClient>
{
    public const string Path = "/hubs/conversations";

    /// <summary>How many conversations a connection remembers as checked, so typing costs no query after the first time.</summary>
    private const int CheckedConversationsKept = 256;

    public static string GroupFor(Guid businessId) => $"business:{businessId:N}";

    /// <summary>One employee's connections (their browsers and devices), for what is only theirs.</summary>
    public static string EmployeeGroupFor(Guid employeeId) => $"employee:{employeeId:N}";

    public override async Task OnConnectedAsync()
    {
        var businessId = Context.User!.GetBusinessId();

        // The business's events are its conversations as they happen; the employee's are their own notifications.
        if (await access.HasAsync(Context.User!, Permissions.ConversationsRead, Context.ConnectionAborted))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(businessId));
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, EmployeeGroupFor(Context.User!.GetEmployeeId()));
        await relay.JoinAsync(businessId);
        await live.AddAsync(Context);
        await Employee.ConnectedAsync(Context.ConnectionId);
        await base.OnConnectedAsync();

        // From here on every event reaches this connection: a client catches up (reads what it missed) after
        // this, not after its handshake, so nothing falls in between.
        await Clients.Caller.Ready();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        live.Remove(Context);
        await relay.LeaveAsync(Context.User!.GetBusinessId());
        await Employee.DisconnectedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Clients call this every 30 seconds; an employee without one for two minutes goes offline.</summary>
    public Task Heartbeat() => Employee.HeartbeatAsync(Context.ConnectionId);

    /// <summary>The employee says they are away, or back.</summary>
    public Task SetAway(bool away) => Employee.SetAwayAsync(away);

    /// <summary>The employee is typing in a conversation of their business: colleagues see it live.</summary>
    [Authorize(Policy = Permission.PolicyPrefix + Permissions.ConversationsReply)]
    public async Task Typing(Guid conversationId)
    {
        var businessId = Context.User!.GetBusinessId();
        if (!await IsOwnConversationAsync(businessId, conversationId))
        {
            throw new HubException("No such conversation.");
        }

        await cluster.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
            .OnNextAsync(new TypingStarted(businessId, conversationId, Context.User!.GetEmployeeId()));
    }

    private async Task<bool> IsOwnConversationAsync(Guid businessId, Guid conversationId)
    {
        var checkedOnes = Context.Items.TryGetValue(nameof(IsOwnConversationAsync), out var items) && items is HashSet<Guid> set
            ? set
            : (HashSet<Guid>)(Context.Items[nameof(IsOwnConversationAsync)] = new HashSet<Guid>());
        if (checkedOnes.Contains(conversationId))
        {
            return true;
        }

        if (!await conversations.BelongsAsync(businessId, conversationId, Context.ConnectionAborted))
        {
            return false;
        }

        if (checkedOnes.Count >= CheckedConversationsKept)
        {
            checkedOnes.Clear();
        }

        checkedOnes.Add(conversationId);
        return true;
    }

    private IEmployeeGrain Employee => cluster.GetGrain<IEmployeeGrain>(Context.User!.GetEmployeeId());
}
