namespace Conversations.WebFrontend.Auth;

/// <summary>Security-relevant account events. Never e-mail addresses, passwords or tokens: ids only.</summary>
public static partial class AccountsLog
{
    public const string Category = "Conversations.Accounts";

    [LoggerMessage(Level = LogLevel.Information, Message = "Business {BusinessId} signed up with owner {EmployeeId}")]
    public static partial void SignedUp(ILogger logger, Guid businessId, Guid employeeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Employee {EmployeeId} logged in, session {SessionId}")]
    public static partial void LoggedIn(ILogger logger, Guid employeeId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Failed login")]
    public static partial void LoginFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repeated failed logins locked an account")]
    public static partial void LockedOut(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A spent refresh token of employee {EmployeeId} was presented again: session {SessionId} revoked")]
    public static partial void RefreshTokenReused(ILogger logger, Guid employeeId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Employee {EmployeeId} changed their password")]
    public static partial void PasswordChanged(ILogger logger, Guid employeeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Employee {EmployeeId} reset their password")]
    public static partial void PasswordReset(ILogger logger, Guid employeeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Employee {EmployeeId} invited {InviteeId} to business {BusinessId}")]
    public static partial void Invited(ILogger logger, Guid employeeId, Guid inviteeId, Guid businessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Employee {EmployeeId} changed {TargetId}'s role to {Role}")]
    public static partial void RoleChanged(ILogger logger, Guid employeeId, Guid targetId, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Employee {EmployeeId} {Change} role {RoleId} of business {BusinessId}; {Holders} holders reloaded")]
    public static partial void RoleDefined(ILogger logger, Guid employeeId, string change, Guid roleId, Guid businessId, int holders);

    [LoggerMessage(Level = LogLevel.Information, Message = "Employee {EmployeeId} deactivated {TargetId}")]
    public static partial void Deactivated(ILogger logger, Guid employeeId, Guid targetId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the {Purpose} e-mail to employee {EmployeeId}")]
    public static partial void MailFailed(ILogger logger, Exception exception, string purpose, Guid employeeId);
}
