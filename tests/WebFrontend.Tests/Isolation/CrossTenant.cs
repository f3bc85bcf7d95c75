namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>What an owner of business B gets for a request aimed at business A.</summary>
public enum CrossTenant
{
    /// <summary>Not exercised: the route has nothing of A's to name (or acting would end B's own session).</summary>
    Skip,

    /// <summary>The request names A's resources: 404, never 200 and never 403.</summary>
    NotFound,

    /// <summary>The route names no resource (a list, a setting, a creation): whatever B gets, nothing of A's is in it, and never 403.</summary>
    NoLeak,

    /// <summary>Another scheme's route: an employee's token is refused (401 or 403).</summary>
    Refused,
}
