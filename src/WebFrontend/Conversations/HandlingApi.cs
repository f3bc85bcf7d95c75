using System.Security.Claims;
using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Conversations;

/// <summary>
/// Who handles a conversation and where it stands: takeover from the assistant, release, assign, transfer,
/// status (open, pending, snoozed, resolved) and labels. The conversation grain decides; of two employees
/// taking over at once, exactly one wins and the other gets 409 naming the holder.
/// </summary>
public static partial class HandlingApi
{
    public static IEndpointRouteBuilder MapHandlingApi(this IEndpointRouteBuilder app)
    {
        var conversation = app.MapGroup("/api/conversations/{id:guid}").WithTags("Conversations").RequirePermission(Permissions.ConversationsHandle);
        conversation.MapPost("/takeover", TakeOverAsync).RecordsActivity(ActivityActions.ConversationTakenOver, "conversation");
        conversation.MapPost("/release", ReleaseAsync).RecordsActivity(ActivityActions.ConversationReleased, "conversation");
        conversation.MapPost("/handoff", HandOffAsync);
        conversation.MapPost("/assign", AssignAsync);
        conversation.MapPost("/transfer", TransferAsync);
        conversation.MapPost("/status", SetStatusAsync);
        conversation.MapPost("/labels", ChangeLabelsAsync);
        app.MapGroup("/api/assignments").WithTags("Conversations").MapGet("/", HistoryAsync).RequirePermission(Permissions.ActivityRead);
        return app;
    }

    public sealed record AssignRequest(Guid? EmployeeId);

    public sealed record StatusRequest(string? Status, DateTimeOffset? SnoozeUntil);

    public sealed record LabelsRequest(string[]? Add, string[]? Remove);

    /// <summary>What every handling endpoint binds: the conversation, the caller, and how to reach both.</summary>
    public sealed record Handling(
        Guid Id, ClaimsPrincipal User, ConversationQueries Queries, IClusterClient Cluster, EmployeeAccess Access, CancellationToken CancellationToken)
    {
        public Guid BusinessId => User.GetBusinessId();

        public Guid EmployeeId => User.GetEmployeeId();

        /// <summary>Whether the caller may release or reassign a conversation a colleague holds.</summary>
        public ValueTask<bool> IsSupervisorAsync() => Access.HasAsync(User, Permissions.ConversationsSupervise, CancellationToken);

        public IConversationGrain Grain => Cluster.GetGrain<IConversationGrain>(Id);

        public Task<ConversationSummary?> FindAsync() => Queries.FindAsync(BusinessId, Id, CancellationToken);
    }

    /// <summary>The caller takes the conversation over from the assistant, which stops answering; refused when another employee already holds it.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> TakeOverAsync(
        [AsParameters] Handling handling, EmployeeDirectory employees, WorkspaceSettingsStore settings)
    {
        if (await handling.FindAsync() is null)
        {
            return NotFound();
        }

        string? announceAs = null;
        if ((await settings.ReadAsync(handling.BusinessId, handling.CancellationToken)).AnnounceAgentJoined)
        {
            announceAs = (await employees.GetAsync(handling.BusinessId, handling.EmployeeId, handling.CancellationToken))?.DisplayName;
        }

        return await AnswerAsync(handling, await handling.Grain.TakeOverAsync(handling.EmployeeId, announceAs), employees);
    }

    /// <summary>Hands the conversation back to the assistant; only its current agent (or a supervisor) may.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        [AsParameters] Handling handling, EmployeeDirectory employees)
    {
        if (await handling.FindAsync() is null)
        {
            return NotFound();
        }

        return await AnswerAsync(handling, await handling.Grain.ReleaseAsync(handling.EmployeeId, await handling.IsSupervisorAsync()), employees);
    }

    /// <summary>Sends the conversation to the humans' queue; an online agent with room gets it at once.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> HandOffAsync(
        [AsParameters] Handling handling)
    {
        if (await handling.FindAsync() is null)
        {
            return NotFound();
        }

        // The agent it goes to is notified by the conversation when it is assigned.
        await handling.Grain.HandOffAsync(handling.EmployeeId);
        await handling.Cluster.GetGrain<IBusinessGrain>(handling.BusinessId).RequestAgentAsync(handling.Id);

        return TypedResults.Ok((await handling.FindAsync())!);
    }

    /// <summary>Assigns the conversation to an employee (or unassigns it with no employeeId); the assignee is notified.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        [AsParameters] Handling handling, AssignRequest? request, EmployeeDirectory employees, Notifications notifications) =>
        await HandOverAsync(handling, request?.EmployeeId, required: false, employees, notifications);

    /// <summary>Transfers the conversation to another employee, who is notified; employeeId is required.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> TransferAsync(
        [AsParameters] Handling handling, AssignRequest? request, EmployeeDirectory employees, Notifications notifications) =>
        await HandOverAsync(handling, request?.EmployeeId, required: true, employees, notifications);

    private static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> HandOverAsync(
        Handling handling, Guid? employeeId, bool required, EmployeeDirectory employees, Notifications notifications)
    {
        if (required && employeeId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["employeeId"] = ["The employee to transfer to is required."] });
        }

        if (employeeId is { } target
            && await employees.GetAsync(handling.BusinessId, target, handling.CancellationToken) is not { Status: EmployeeStatus.Active })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["employeeId"] = ["No active employee of this business has this id."] });
        }

        if (await handling.FindAsync() is null)
        {
            return NotFound();
        }

        var change = await handling.Grain.AssignAsync(handling.EmployeeId, employeeId, await handling.IsSupervisorAsync());
        if (change.Accepted && employeeId is { } assignee && assignee != handling.EmployeeId)
        {
            var customer = change.Conversation.CustomerName ?? change.Conversation.CustomerWaId;
            await notifications.NotifyAsync(
                handling.BusinessId, assignee, "assignment", $"You were assigned the conversation with {customer}", handling.Id,
                handling.CancellationToken);
        }

        return await AnswerAsync(handling, change, employees);
    }

    /// <summary>Sets the conversation's status: open, pending, snoozed (until a time) or resolved.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> SetStatusAsync(
        [AsParameters] Handling handling, StatusRequest? request, TimeProvider time)
    {
        ConversationStatus? status = request?.Status switch
        {
            "open" => ConversationStatus.Open,
            "pending" => ConversationStatus.Pending,
            "snoozed" => ConversationStatus.Snoozed,
            "resolved" => ConversationStatus.Resolved,
            _ => null,
        };
        var errors = new Dictionary<string, string[]>();
        if (status is null)
        {
            errors["status"] = ["Must be open, pending, snoozed or resolved."];
        }
        else if (status == ConversationStatus.Snoozed && (request!.SnoozeUntil is not { } until || until <= time.GetUtcNow()))
        {
            errors["snoozeUntil"] = ["A snooze needs a time in the future (ISO 8601 with offset)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await handling.FindAsync() is null)
        {
            return NotFound();
        }

        await handling.Grain.SetStatusAsync(status!.Value, request!.SnoozeUntil);
        return TypedResults.Ok((await handling.FindAsync())!);
    }

    /// <summary>Adds and removes labels on the conversation (1 to 32 of a-z, 0-9, '_' and '-'; case is folded).</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> ChangeLabelsAsync(
        [AsParameters] Handling handling, LabelsRequest? request)
    {
        var add = (request?.Add ?? []).Select(l => l.Trim().ToLowerInvariant()).ToArray();
        var remove = (request?.Remove ?? []).Select(l => l.Trim().ToLowerInvariant()).ToArray();
        if (add.Concat(remove).FirstOrDefault(l => !Label().IsMatch(l)) is { } bad)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [add.Contains(bad) ? "add" : "remove"] = [$"'{bad}' is not a label: 1 to 32 letters, digits, '-' or '_'."],
            });
        }

        var current = await handling.FindAsync();
        if (current is null)
        {
            return NotFound();
        }

        if (current.Labels.Union(add).Except(remove).Count() > 20)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["add"] = ["A conversation has at most 20 labels."] });
        }

        await handling.Grain.ChangeLabelsAsync(add, remove);
        return TypedResults.Ok((await handling.FindAsync())!);
    }

    /// <summary>The conversation's assignment history: each takeover, release, assignment and transfer, by whom, from and to whom, and when.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<AssignmentRecord>>, ProblemHttpResult>> HistoryAsync(
        Guid conversationId, ClaimsPrincipal user, ConversationQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(user.GetBusinessId(), conversationId, cancellationToken) is null
            ? NotFound()
            : TypedResults.Ok(await queries.AssignmentsAsync(user.GetBusinessId(), conversationId, cancellationToken));

    private static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Handling handling, OwnershipChange change, EmployeeDirectory employees)
    {
        if (change.Accepted)
        {
            return TypedResults.Ok((await handling.FindAsync())!);
        }

        var holder = await employees.GetAsync(handling.BusinessId, change.HolderId!.Value, handling.CancellationToken);
        return TypedResults.Problem(
            title: "Another employee has this conversation.",
            detail: $"{holder?.DisplayName ?? "Another employee"} is handling it.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["holder"] = new { id = change.HolderId, displayName = holder?.DisplayName },
            });
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex Label();
}
