using Conversations.Infrastructure.Accounts;

namespace Conversations.WebFrontend.Auth;

public static class RequestClient
{
    /// <summary>The caller's device and address, as the sessions list shows them.</summary>
    public static ClientInfo Describe(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        return new ClientInfo(
            agent.Length > ClientInfo.MaxUserAgentLength ? agent[..ClientInfo.MaxUserAgentLength] : agent,
            context.Connection.RemoteIpAddress?.ToString() ?? "");
    }
}
