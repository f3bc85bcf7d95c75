using System.Security.Claims;
using Conversations.Infrastructure.Activity;
using Conversations.WebFrontend.Auth;

namespace Conversations.WebFrontend.Activity;

/// <summary>
/// Records what the caller of one request did, with the request's address and user agent. A handler asks for it
/// as a parameter (bound from the request by <see cref="BindAsync"/>); recording never fails the request.
/// </summary>
public sealed class ActivityRecorder(HttpContext context, ActivityLog log, TimeProvider time)
{
    public static ValueTask<ActivityRecorder?> BindAsync(HttpContext context) => ValueTask.FromResult<ActivityRecorder?>(For(context));

    public static ActivityRecorder For(HttpContext context) => new(
        context, context.RequestServices.GetRequiredService<ActivityLog>(), context.RequestServices.GetRequiredService<TimeProvider>());

    /// <summary>Records an action of the authenticated caller, in their business.</summary>
    public Task RecordAsync(string action, string? targetType = null, object? targetId = null, object? details = null)
    {
        var user = context.User;
        return RecordForAsync(
            Guid.TryParse(user.FindFirstValue(ConversationsClaims.BusinessId), out var business) ? business : null,
            Guid.TryParse(user.FindFirstValue(ConversationsClaims.EmployeeId), out var employee) ? employee : null,
            action, targetType, targetId, details);
    }

    /// <summary>Records an action of someone the request does not authenticate yet, such as a login.</summary>
    public Task RecordForAsync(
        Guid? businessId, Guid? employeeId, string action, string? targetType = null, object? targetId = null, object? details = null) =>
        log.RecordAsync(new ActivityEntry(
            businessId,
            employeeId,
            action,
            targetType,
            targetId?.ToString(),
            details,
            context.Connection.RemoteIpAddress,
            context.Request.Headers.UserAgent.ToString(),
            time.GetUtcNow()));
}
