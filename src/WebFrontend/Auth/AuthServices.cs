using Conversations.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Conversations.WebFrontend.Auth;

/// <summary>What the auth endpoints depend on, bound with <c>[AsParameters]</c>.</summary>
public sealed record AuthServices(
    EmployeeDirectory Employees,
    IPasswordHasher<EmployeeAccount> Passwords,
    LoginThrottle Throttle,
    SessionStore Sessions,
    SessionIssuer Issuer,
    IGrainFactory Grains,
    TimeProvider Time,
    ILoggerFactory Logs)
{
    public ILogger Log => Logs.CreateLogger(AccountsLog.Category);
}
