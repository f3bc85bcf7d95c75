using System.Security.Claims;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Conversations;

/// <summary>
/// The route names the first version of the product published (`POST /api/conversations/takeover`,
/// `POST /api/assignments`), with the conversation in the body; they do exactly what the routes under
/// `/api/conversations/{id}/...` do.
/// </summary>
public static partial class HandlingApi
{
    public sealed record ConversationAction(Guid? ConversationId, string? Action);

    public sealed record AssignmentRequest(Guid? ConversationId, Guid? EmployeeId);

    public static IEndpointRouteBuilder MapSeedHandlingRoutes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/conversations/takeover", TakeOverByBodyAsync).WithTags("Conversations").RequirePermission(Permissions.ConversationsHandle)
            .RecordsActivity(context => context.Arguments.OfType<ConversationAction>().FirstOrDefault() is { } request
                ? new ActivityEvent(request.Action == "release" ? ActivityActions.ConversationReleased : ActivityActions.ConversationTakenOver, "conversation", request.ConversationId)
                : null);
        app.MapPost("/api/assignments", AssignByBodyAsync).WithTags("Conversations").RequirePermission(Permissions.ConversationsHandle);
        return app;
    }

    /// <summary><c>{conversationId, action: "takeover" (default) | "release"}</c>.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> TakeOverByBodyAsync(
        ConversationAction? request, ClaimsPrincipal user, ConversationQueries queries, IClusterClient cluster, EmployeeAccess access,
        EmployeeDirectory employees, WorkspaceSettingsStore settings, CancellationToken cancellationToken)
    {
        if (request?.ConversationId is not { } id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["conversationId"] = ["The conversation is required."] });
        }

        var handling = new Handling(id, user, queries, cluster, access, cancellationToken);
        return (request.Action ?? "takeover") switch
        {
            "takeover" => await TakeOverAsync(handling, employees, settings),
            "release" => await ReleaseAsync(handling, employees),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["action"] = ["The action is takeover or release."] }),
        };
    }

    /// <summary><c>{conversationId, employeeId}</c>: as <c>POST /api/conversations/{id}/assign</c> (a null employee unassigns).</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> AssignByBodyAsync(
        AssignmentRequest? request, ClaimsPrincipal user, ConversationQueries queries, IClusterClient cluster, EmployeeAccess access,
        EmployeeDirectory employees, Notifications notifications, CancellationToken cancellationToken)
    {
        if (request?.ConversationId is not { } id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["conversationId"] = ["The conversation is required."] });
        }

        // Another business's conversation is unknown here, before anything about the employee is said.
        var handling = new Handling(id, user, queries, cluster, access, cancellationToken);
        return await handling.FindAsync() is null
            ? NotFound()
            : await AssignAsync(handling, new AssignRequest(request.EmployeeId), employees, notifications);
    }
}
