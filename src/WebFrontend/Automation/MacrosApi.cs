using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Automation;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Conversations.WebFrontend.Automation;

/// <summary>
/// Macros (issue #11): a named list of actions an agent runs on a conversation with one call. The conversation grain
/// runs them in order, like a rule's; with an <c>Idempotency-Key</c> header a retried run does nothing twice.
/// </summary>
public static class MacrosApi
{
    public const int MaxKeyLength = 100;

    public static IEndpointRouteBuilder MapMacrosApi(this IEndpointRouteBuilder app)
    {
        var macros = app.MapGroup("/api/macros").WithTags("Macros");
        macros.MapGet("/", ListAsync).RequirePermission(Permissions.MacrosRun).WithSummary("The business's macros, by name.");
        macros.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.MacrosRun).WithSummary("One macro.");
        macros.MapPost("/", CreateAsync).RequirePermission(Permissions.MacrosManage).WithSummary("Creates a macro.");
        macros.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.MacrosManage).WithSummary("Renames a macro or replaces its actions.");
        macros.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.MacrosManage).WithSummary("Deletes a macro; its log entries stay.");
        app.MapPost("/api/conversations/{id:guid}/macros/{macroId:guid}", RunAsync).WithTags("Macros").RequirePermission(Permissions.MacrosRun)
            .WithSummary("Runs a macro's actions on the conversation, in order; the same Idempotency-Key runs it once.");
        return app;
    }

    public sealed record MacroRequest(string? Name, IReadOnlyList<AutomationFields.ActionRequest?>? Actions);

    public sealed record MacroRunView(Guid ExecutionId, bool Repeated, IReadOnlyList<ActionOutcome> Actions, ConversationSummary Conversation);

    private static async Task<Ok<IReadOnlyList<MacroView>>> ListAsync(ClaimsPrincipal user, Macros macros, CancellationToken cancellationToken) =>
        TypedResults.Ok(await macros.ListAsync(user.GetBusinessId(), cancellationToken));

    private static async Task<Results<Ok<MacroView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, Macros macros, CancellationToken cancellationToken) =>
        await macros.FindAsync(user.GetBusinessId(), id, cancellationToken) is { } macro ? TypedResults.Ok(macro) : Missing();

    private static async Task<Results<Created<MacroView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        MacroRequest? request, ClaimsPrincipal user, Macros macros, AutomationReferences references, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        var name = AutomationFields.Name(request?.Name, errors);
        var actions = await AutomationFields.ActionsAsync(request?.Actions, businessId, references, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await macros.CreateAsync(businessId, user.GetEmployeeId(), name!, actions, cancellationToken);
        return created is null ? NameTaken() : TypedResults.Created($"/api/macros/{created.Id}", created);
    }

    private static async Task<Results<Ok<MacroView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, MacroRequest? request, ClaimsPrincipal user, Macros macros, AutomationReferences references, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        var name = request?.Name is null ? null : AutomationFields.Name(request.Name, errors);
        var actions = request?.Actions is null ? null : await AutomationFields.ActionsAsync(request.Actions, businessId, references, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return await macros.UpdateAsync(businessId, id, name, actions, cancellationToken) is { } updated ? TypedResults.Ok(updated) : Missing();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken();
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, Macros macros, CancellationToken cancellationToken) =>
        await macros.DeleteAsync(user.GetBusinessId(), id, cancellationToken) ? TypedResults.NoContent() : Missing();

    private static async Task<Results<Ok<MacroRunView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid id,
        Guid macroId,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        Macros macros,
        ConversationQueries conversations,
        IClusterClient cluster,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var key = idempotencyKey?.Trim();
        if (idempotencyKey is not null && (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Idempotency-Key"] = [$"1 to {MaxKeyLength} characters, or no header."],
            });
        }

        if (await conversations.FindAsync(businessId, id, cancellationToken) is null)
        {
            return TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await macros.FindAsync(businessId, macroId, cancellationToken) is not { } macro)
        {
            return Missing();
        }

        var outcome = await cluster.GetGrain<IConversationGrain>(id)
            .RunMacroAsync(new MacroRun(macro.Id, macro.Name, macro.Actions, user.GetEmployeeId(), key));
        var conversation = await conversations.FindAsync(businessId, id, cancellationToken);
        return TypedResults.Ok(new MacroRunView(outcome.ExecutionId, outcome.Repeated, outcome.Actions, conversation!));
    }

    private static ProblemHttpResult Missing() =>
        TypedResults.Problem(title: "No such macro.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NameTaken() =>
        TypedResults.Problem(
            title: "The business already has a macro of that name.", statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["name"] = ["Already used by another macro."] } });
}
