using System.Security.Claims;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Workspace;

/// <summary>The caller's notifications: mentions, assignments. Pushed live as <c>Notification</c> on the hub too.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications").RequireOwnAccount();
        notifications.MapGet("/", ListAsync);
        notifications.MapPost("/{id:guid}/read", MarkReadAsync);
        notifications.MapPost("/read-all", MarkAllReadAsync);
        return app;
    }

    /// <summary>The caller's latest notifications (up to 100), or only the unread ones with unread=true.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<NotificationView>>, ValidationProblem>> ListAsync(
        string? unread, ClaimsPrincipal user, Notifications notifications, CancellationToken cancellationToken)
    {
        if (unread is not (null or "true" or "false"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unread"] = ["Must be true or false."] });
        }

        return TypedResults.Ok(await notifications.ListAsync(user.GetBusinessId(), user.GetEmployeeId(), unread == "true", 100, cancellationToken));
    }

    /// <summary>Marks one of the caller's notifications read.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        Guid id, ClaimsPrincipal user, Notifications notifications, CancellationToken cancellationToken) =>
        await notifications.MarkReadAsync(user.GetBusinessId(), user.GetEmployeeId(), id, cancellationToken) == 1
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such unread notification.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Marks all of the caller's notifications read.</summary>
    internal static async Task<NoContent> MarkAllReadAsync(ClaimsPrincipal user, Notifications notifications, CancellationToken cancellationToken)
    {
        await notifications.MarkReadAsync(user.GetBusinessId(), user.GetEmployeeId(), null, cancellationToken);
        return TypedResults.NoContent();
    }
}
