using System.Security.Claims;
using System.Text.RegularExpressions;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Conversations.WebFrontend.Workspace;

/// <summary>Canned responses: shortcodes agents type as <c>/code</c>, with variables checked when saved.</summary>
public static partial class CannedResponsesApi
{
    public static IEndpointRouteBuilder MapCannedResponsesApi(this IEndpointRouteBuilder app)
    {
        var responses = app.MapGroup("/api/canned-responses").WithTags("Canned responses");
        responses.MapGet("/", ListAsync).RequirePermission(Permissions.ConversationsRead);
        responses.MapPost("/", CreateAsync).RequirePermission(Permissions.CannedResponsesWrite);
        responses.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.ConversationsRead);
        responses.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.CannedResponsesWrite);
        responses.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.CannedResponsesWrite);
        responses.MapPost("/{id:guid}/use", UseAsync).RequirePermission(Permissions.ConversationsReply);
        return app;
    }

    public sealed record CannedResponseRequest(string? Shortcode, string? Title, string? Body);

    public sealed record UseRequest(Guid? ConversationId);

    public sealed record RenderedResponse(Guid Id, string Shortcode, string Text, long UsageCount);

    /// <summary>The business's canned responses, optionally searched by shortcode or text (q; a leading '/' is ignored).</summary>
    internal static async Task<Ok<IReadOnlyList<CannedResponse>>> ListAsync(
        string? q, ClaimsPrincipal user, CannedResponseStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(user.GetBusinessId(), string.IsNullOrWhiteSpace(q) ? null : q.Trim().TrimStart('/'), cancellationToken));

    /// <summary>One canned response.</summary>
    internal static async Task<Results<Ok<CannedResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, CannedResponseStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(user.GetBusinessId(), id, cancellationToken) is { } response
            ? TypedResults.Ok(response)
            : Missing();

    /// <summary>Adds a canned response (shortcode, title, body with variables); a shortcode already in use in the business is refused.</summary>
    internal static async Task<Results<Created<CannedResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CannedResponseRequest? request, ClaimsPrincipal user, CannedResponseStore store, CancellationToken cancellationToken)
    {
        var errors = Validate(request, partial: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await store.CreateAsync(
            user.GetBusinessId(), user.GetEmployeeId(), request!.Shortcode!.Trim().TrimStart('/').ToLowerInvariant(),
            request.Title!.Trim(), request.Body!.Trim(), cancellationToken);
        return created is null ? ShortcodeTaken() : TypedResults.Created($"/api/canned-responses/{created.Id}", created);
    }

    /// <summary>Changes a canned response's shortcode, title or body; fields left out keep their value.</summary>
    internal static async Task<Results<Ok<CannedResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, CannedResponseRequest? request, ClaimsPrincipal user, CannedResponseStore store, CancellationToken cancellationToken)
    {
        var errors = Validate(request, partial: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var updated = await store.UpdateAsync(
                user.GetBusinessId(), id, request?.Shortcode?.Trim().TrimStart('/').ToLowerInvariant(), request?.Title?.Trim(),
                request?.Body?.Trim(), cancellationToken);
            return updated is null ? Missing() : TypedResults.Ok(updated);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return ShortcodeTaken();
        }
    }

    /// <summary>Deletes a canned response.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, CannedResponseStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(user.GetBusinessId(), id, cancellationToken) ? TypedResults.NoContent() : Missing();

    /// <summary>Counts a use and returns the text with its variables filled for the conversation's customer.</summary>
    internal static async Task<Results<Ok<RenderedResponse>, ProblemHttpResult>> UseAsync(
        Guid id,
        UseRequest? request,
        ClaimsPrincipal user,
        CannedResponseStore store,
        ConversationQueries conversations,
        EmployeeDirectory employees,
        BusinessProvisioning businesses,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        ConversationSummary? conversation = null;
        if (request?.ConversationId is { } conversationId
            && (conversation = await conversations.FindAsync(businessId, conversationId, cancellationToken)) is null)
        {
            return TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);
        }

        var used = await store.CountUseAsync(businessId, id, cancellationToken);
        if (used is null)
        {
            return Missing();
        }

        var agent = await employees.GetAsync(businessId, user.GetEmployeeId(), cancellationToken);
        var text = ReplyVariables.Render(used.Body, new Dictionary<string, string?>
        {
            ["customer.name"] = conversation?.Customer.Name ?? "",
            ["business.name"] = await businesses.FindNameAsync(businessId, cancellationToken),
            ["agent.name"] = agent?.DisplayName,
        });
        return TypedResults.Ok(new RenderedResponse(used.Id, used.Shortcode, text, used.UsageCount));
    }

    private static Dictionary<string, string[]> Validate(CannedResponseRequest? request, bool partial)
    {
        var errors = new Dictionary<string, string[]>();
        var shortcode = request?.Shortcode?.Trim().TrimStart('/').ToLowerInvariant();
        if ((!partial || shortcode is not null) && (shortcode is null || !Shortcode().IsMatch(shortcode)))
        {
            errors["shortcode"] = ["1 to 32 lowercase letters, digits, '-' or '_', starting with a letter or digit."];
        }

        var title = request?.Title?.Trim();
        if ((!partial || title is not null) && (string.IsNullOrEmpty(title) || title.Length > 100))
        {
            errors["title"] = ["1 to 100 characters."];
        }

        var body = request?.Body?.Trim();
        if (!partial || body is not null)
        {
            if (string.IsNullOrEmpty(body) || body.Length > 4096)
            {
                errors["body"] = ["1 to 4096 characters."];
            }
            else if (ReplyVariables.Unknown(body) is { Count: > 0 } unknown)
            {
                errors["body"] = [$"Unknown variables: {string.Join(", ", unknown)}. Known: {string.Join(", ", ReplyVariables.Known.Order())}."];
            }
        }

        return errors;
    }

    private static ProblemHttpResult Missing() =>
        TypedResults.Problem(title: "No such canned response.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult ShortcodeTaken() => TypedResults.Problem(
        title: "The shortcode is already used.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["shortcode"] = ["Already used by another response."] } });

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex Shortcode();
}
