namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>Who may call a route.</summary>
public enum RouteAccess
{
    /// <summary>Anyone: webhooks (signed by their provider), sign-up, login and the e-mailed-token steps, health, calendar feeds by secret.</summary>
    Anonymous,

    /// <summary>The platform's administrators, with tokens of their own scheme; an employee's token is refused.</summary>
    Platform,

    /// <summary>
    /// The Orleans dashboard's page and data: platform administrators (bearer token or the dashboard cookie); an
    /// employee's token is authenticated and refused with 403.
    /// </summary>
    OrleansDashboard,

    /// <summary>Any signed-in employee, acting on their own account: password, sessions, two factors, notifications, logout.</summary>
    OwnAccount,

    /// <summary>Employees whose role grants the route's permission.</summary>
    Permission,

    /// <summary>The SignalR hub's endpoints, whose methods <c>HubIsolationTests</c> cover.</summary>
    Hub,
}
