using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Automation;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Automation;

/// <summary>
/// Automation rules (issue #11): on a conversation event, when every condition holds, actions in order. Conversation
/// grains run them; every change here tells the business grain, which caches the rules for them.
/// </summary>
public static class AutomationRulesApi
{
    private const int MaxLogEntries = 500;

    public static IEndpointRouteBuilder MapAutomationRulesApi(this IEndpointRouteBuilder app)
    {
        var automation = app.MapGroup("/api/automation").WithTags("Automation").RequirePermission(Permissions.AutomationManage);
        automation.MapGet("/rules", ListAsync).WithSummary("The business's automation rules, in the order they run.");
        automation.MapPost("/rules", CreateAsync).WithSummary("Adds a rule after the last one.");
        automation.MapGet("/rules/{id:guid}", GetAsync).WithSummary("One rule.");
        automation.MapPatch("/rules/{id:guid}", UpdateAsync).WithSummary("Changes a rule's name, trigger, conditions, actions or enabled flag; what is not sent stays.");
        automation.MapDelete("/rules/{id:guid}", DeleteAsync).WithSummary("Deletes a rule; its log entries stay.");
        automation.MapPut("/rules/order", ReorderAsync).WithSummary("Puts every rule of the business in the order given.");
        automation.MapGet("/executions", ExecutionsAsync).WithSummary("What rules fired and macros ran, on which conversation, newest first.");
        return app;
    }

    public sealed record RuleRequest(
        string? Name,
        string? Trigger,
        IReadOnlyList<AutomationFields.ConditionRequest?>? Conditions,
        IReadOnlyList<AutomationFields.ActionRequest?>? Actions,
        bool? Enabled);

    public sealed record OrderRequest(IReadOnlyList<Guid>? RuleIds);

    private static async Task<Ok<IReadOnlyList<AutomationRuleView>>> ListAsync(
        ClaimsPrincipal user, AutomationRules rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rules.ListAsync(user.GetBusinessId(), cancellationToken));

    private static async Task<Results<Ok<AutomationRuleView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AutomationRules rules, CancellationToken cancellationToken) =>
        await rules.FindAsync(user.GetBusinessId(), id, cancellationToken) is { } rule ? TypedResults.Ok(rule) : Missing();

    private static async Task<Results<Created<AutomationRuleView>, ValidationProblem>> CreateAsync(
        RuleRequest? request, ClaimsPrincipal user, AutomationRules rules, AutomationReferences references, IClusterClient cluster,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        var draft = await ReadAsync(request, null, businessId, references, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await rules.CreateAsync(businessId, user.GetEmployeeId(), draft, cancellationToken);
        await cluster.GetGrain<IBusinessGrain>(businessId).AutomationChangedAsync();
        return TypedResults.Created($"/api/automation/rules/{created.Id}", created);
    }

    private static async Task<Results<Ok<AutomationRuleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, RuleRequest? request, ClaimsPrincipal user, AutomationRules rules, AutomationReferences references, IClusterClient cluster,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (await rules.FindAsync(businessId, id, cancellationToken) is not { } stored)
        {
            return Missing();
        }

        var errors = new Dictionary<string, string[]>();
        var draft = await ReadAsync(request, stored, businessId, references, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var updated = await rules.UpdateAsync(businessId, id, draft, cancellationToken);
        await cluster.GetGrain<IBusinessGrain>(businessId).AutomationChangedAsync();
        return updated is null ? Missing() : TypedResults.Ok(updated);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, AutomationRules rules, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (!await rules.DeleteAsync(user.GetBusinessId(), id, cancellationToken))
        {
            return Missing();
        }

        await cluster.GetGrain<IBusinessGrain>(user.GetBusinessId()).AutomationChangedAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<AutomationRuleView>>, ValidationProblem>> ReorderAsync(
        OrderRequest? request, ClaimsPrincipal user, AutomationRules rules, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (request?.RuleIds is not { } ids || ids.Distinct().Count() != ids.Count || !await rules.ReorderAsync(businessId, ids, cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ruleIds"] = ["Every rule of the business, each once, in the order they should run."],
            });
        }

        await cluster.GetGrain<IBusinessGrain>(businessId).AutomationChangedAsync();
        return TypedResults.Ok(await rules.ListAsync(businessId, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<AutomationExecutionView>>, ValidationProblem>> ExecutionsAsync(
        Guid? conversationId, Guid? ruleId, Guid? macroId, int? limit, ClaimsPrincipal user, AutomationLog log, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLogEntries)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"1 to {MaxLogEntries}."] });
        }

        return TypedResults.Ok(await log.ListAsync(user.GetBusinessId(), conversationId, ruleId, macroId, limit ?? 100, cancellationToken));
    }

    /// <summary>
    /// A whole rule for a creation (<paramref name="stored"/> null), else a change: the conditions are checked against the
    /// trigger the rule will have.
    /// </summary>
    private static async Task<AutomationRuleDraft> ReadAsync(
        RuleRequest? request, AutomationRuleView? stored, Guid businessId, AutomationReferences references,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var creating = stored is null;
        var name = creating || request?.Name is not null ? AutomationFields.Name(request?.Name, errors) : null;
        var trigger = request?.Trigger?.Trim().ToLowerInvariant();
        if ((creating || request?.Trigger is not null) && (trigger is null || !AutomationTriggers.All.Contains(trigger)))
        {
            errors["trigger"] = [$"One of {string.Join(", ", AutomationTriggers.All)}."];
            trigger = null;
        }

        var effectiveTrigger = trigger ?? stored?.Trigger;
        var conditions = request?.Conditions is not null || creating
            ? AutomationFields.Conditions(request?.Conditions, errors.ContainsKey("trigger") ? null : effectiveTrigger, errors)
            : null;
        if (conditions is null && trigger is not null && stored is not null)
        {
            // A new trigger must suit the conditions kept.
            AutomationFields.Conditions(
                stored.Conditions.Select(c => new AutomationFields.ConditionRequest(c.Kind, c.Value)).ToList(), trigger, errors);
        }

        var actions = request?.Actions is not null || creating
            ? await AutomationFields.ActionsAsync(request?.Actions, businessId, references, errors, cancellationToken)
            : null;
        return new AutomationRuleDraft(name, trigger, conditions, actions, request?.Enabled);
    }

    private static ProblemHttpResult Missing() =>
        TypedResults.Problem(title: "No such automation rule.", statusCode: StatusCodes.Status404NotFound);
}
