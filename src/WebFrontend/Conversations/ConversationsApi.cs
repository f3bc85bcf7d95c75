using System.Globalization;
using System.Security.Claims;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Customers;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Conversations;

/// <summary>The shared inbox: list, filter, search and read conversations.</summary>
public static class ConversationsApi
{
    private const int DefaultPageSize = 30;
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations").WithTags("Conversations");
        conversations.MapGet("/", ListAsync).RequirePermission(Permissions.ConversationsRead);
        conversations.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.ConversationsRead);
        conversations.MapPost("/{id:guid}/read", MarkReadAsync).RequirePermission(Permissions.ConversationsHandle);
        conversations.MapGet("/{id:guid}/customer", CustomerAsync).RequirePermission(Permissions.ConversationsRead);
        return app;
    }

    public sealed record MarkReadRequest(long? Sequence);

    /// <summary>
    /// Newest activity first. Filters: <c>mode</c> (ai, human), <c>status</c> (open, pending, snoozed, resolved),
    /// <c>assignee</c> (me, unassigned, anyone, or an employee id), <c>unread=true</c>, <c>label</c>, <c>q</c>
    /// (words in any message or the customer's name); <c>cursor</c> from the previous page.
    /// </summary>
    internal static async Task<Results<Ok<ConversationPage>, ValidationProblem>> ListAsync(
        string? mode,
        string? status,
        string? assignee,
        string? unread,
        string? label,
        string? q,
        string? cursor,
        string? limit,
        ClaimsPrincipal user,
        ConversationQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (mode is not (null or "ai" or "human" or "closed"))
        {
            errors["mode"] = ["Must be ai, human or closed."];
        }

        if (status is not (null or "open" or "pending" or "snoozed" or "resolved"))
        {
            errors["status"] = ["Must be open, pending, snoozed or resolved."];
        }

        var unassigned = false;
        Guid? assigneeId = null;
        switch (assignee)
        {
            case null or "anyone":
                break;
            case "me":
                assigneeId = user.GetEmployeeId();
                break;
            case "unassigned":
                unassigned = true;
                break;
            default:
                if (Guid.TryParse(assignee, out var employee))
                {
                    assigneeId = employee;
                }
                else
                {
                    errors["assignee"] = ["Must be me, unassigned, anyone or an employee id."];
                }

                break;
        }

        if (unread is not (null or "true" or "false"))
        {
            errors["unread"] = ["Must be true or false."];
        }

        if (q is { Length: > 200 })
        {
            errors["q"] = ["At most 200 characters."];
        }

        try
        {
            ConversationQueries.Decode(cursor);
        }
        catch (FormatException)
        {
            errors["cursor"] = ["Not a cursor this API returned."];
        }

        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filter = new ConversationFilter(
            mode, status, unassigned, assigneeId, unread == "true", string.IsNullOrWhiteSpace(label) ? null : label.Trim(),
            string.IsNullOrWhiteSpace(q) ? null : q.Trim());
        return TypedResults.Ok(await queries.ListAsync(user.GetBusinessId(), filter, cursor, pageSize, cancellationToken));
    }

    /// <summary>One conversation of the business: customer, status, mode, assignee, labels and last message.</summary>
    internal static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ConversationQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(user.GetBusinessId(), id, cancellationToken) is { } conversation
            ? TypedResults.Ok(conversation)
            : TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>The customer panel: profile, VIP, notes count, bookings, lifetime value, who has handled them.</summary>
    internal static async Task<Results<Ok<CustomerPanel>, ProblemHttpResult>> CustomerAsync(
        Guid id, ClaimsPrincipal user, ConversationQueries queries, CustomerPanelQueries panels, CancellationToken cancellationToken)
    {
        var conversation = await queries.FindAsync(user.GetBusinessId(), id, cancellationToken);
        return conversation is null
            ? TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(await panels.ReadAsync(user.GetBusinessId(), id, conversation.Customer.WaId, cancellationToken));
    }

    /// <summary>Marks the conversation read by the team up to a sequence (by default its newest message).</summary>
    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MarkReadAsync(
        Guid id, MarkReadRequest? request, ClaimsPrincipal user, ConversationQueries queries, CancellationToken cancellationToken)
    {
        if (request?.Sequence is < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sequence"] = ["Must be 0 or more."] });
        }

        return await queries.MarkReadAsync(user.GetBusinessId(), id, request?.Sequence, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);
    }
}
