namespace Conversations.Infrastructure.Accounts;

/// <summary>Where a session was started or last refreshed from: shown to its employee in the sessions list.</summary>
public sealed record ClientInfo(string UserAgent, string IpAddress)
{
    public const int MaxUserAgentLength = 512;
}
