using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Conversations.WebFrontend.Realtime;

/// <summary>
/// Agents' live connection. A connection joins its business's group and nothing else; events reach it from
/// <see cref="BusinessEventRelay"/>, never from a stream subscription of its own.
/// </summary>
[Authorize]
public sealed class ConversationsHub(BusinessEventRelay relay) : Hub<IConversationsClient>
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
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await relay.LeaveAsync(Context.User!.GetBusinessId());
        await base.OnDisconnectedAsync(exception);
    }
}
