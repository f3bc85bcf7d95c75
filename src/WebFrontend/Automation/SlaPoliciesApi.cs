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
/// SLA policies (issue #11): how soon a conversation with humans gets its first reply and its resolution. The first
/// enabled policy (by position) whose priority fits applies when a cycle starts; a policy changed later applies to
/// cycles started after it.
/// </summary>
public static class SlaPoliciesApi
{
    private const int MaxFirstResponseMinutes = 43200;
    private const int MaxResolutionMinutes = 525600;

    public static IEndpointRouteBuilder MapSlaPoliciesApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/sla-policies").WithTags("SLA policies").RequirePermission(Permissions.SlaManage);
        policies.MapGet("/", ListAsync).WithSummary("The business's SLA policies, in the order they are tried.");
        policies.MapPost("/", CreateAsync).WithSummary("Adds a policy after the last one.");
        policies.MapGet("/{id:guid}", GetAsync).WithSummary("One policy.");
        policies.MapPut("/{id:guid}", ReplaceAsync).WithSummary("Replaces a policy's fields (and, when given, its position).");
        policies.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Deletes a policy; targets already running keep their times.");
        return app;
    }

    /// <param name="Priority">A conversation priority, or null for every conversation.</param>
    public sealed record PolicyRequest(
        string? Name,
        string? Priority,
        int? FirstResponseMinutes,
        int? ResolutionMinutes,
        int? WarningPercent,
        bool? BusinessHoursOnly,
        bool? Enabled,
        int? Position);

    private static async Task<Ok<IReadOnlyList<SlaPolicyView>>> ListAsync(ClaimsPrincipal user, SlaPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.ListAsync(user.GetBusinessId(), cancellationToken));

    private static async Task<Results<Ok<SlaPolicyView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, SlaPolicies policies, CancellationToken cancellationToken) =>
        await policies.FindAsync(user.GetBusinessId(), id, cancellationToken) is { } policy ? TypedResults.Ok(policy) : Missing();

    private static async Task<Results<Created<SlaPolicyView>, ValidationProblem>> CreateAsync(
        PolicyRequest? request, ClaimsPrincipal user, SlaPolicies policies, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var draft = Read(request, errors);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await policies.CreateAsync(user.GetBusinessId(), draft, cancellationToken);
        await cluster.GetGrain<IBusinessGrain>(user.GetBusinessId()).AutomationChangedAsync();
        return TypedResults.Created($"/api/sla-policies/{created.Id}", created);
    }

    private static async Task<Results<Ok<SlaPolicyView>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        Guid id, PolicyRequest? request, ClaimsPrincipal user, SlaPolicies policies, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var draft = Read(request, errors);
        if (request?.Position is < 1 or > 100000)
        {
            errors["position"] = ["1 to 100000."];
        }

        if (draft is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var updated = await policies.UpdateAsync(user.GetBusinessId(), id, draft, request!.Position, cancellationToken);
        if (updated is null)
        {
            return Missing();
        }

        await cluster.GetGrain<IBusinessGrain>(user.GetBusinessId()).AutomationChangedAsync();
        return TypedResults.Ok(updated);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, SlaPolicies policies, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (!await policies.DeleteAsync(user.GetBusinessId(), id, cancellationToken))
        {
            return Missing();
        }

        await cluster.GetGrain<IBusinessGrain>(user.GetBusinessId()).AutomationChangedAsync();
        return TypedResults.NoContent();
    }

    private static SlaPolicyDraft? Read(PolicyRequest? request, Dictionary<string, string[]> errors)
    {
        var name = AutomationFields.Name(request?.Name, errors);
        var priority = request?.Priority?.Trim().ToLowerInvariant();
        if (priority is not null && !ConversationPriorities.All.Contains(priority))
        {
            errors["priority"] = [$"One of {string.Join(", ", ConversationPriorities.All)}, or null for every conversation."];
        }

        if (request?.FirstResponseMinutes is not (>= 1 and <= MaxFirstResponseMinutes))
        {
            errors["firstResponseMinutes"] = [$"1 to {MaxFirstResponseMinutes} minutes."];
        }

        if (request?.ResolutionMinutes is { } resolution
            && (resolution is < 1 or > MaxResolutionMinutes || resolution < request.FirstResponseMinutes))
        {
            errors["resolutionMinutes"] = [$"1 to {MaxResolutionMinutes} minutes, no less than firstResponseMinutes; or null for no resolution target."];
        }

        if (request?.WarningPercent is < 1 or > 99)
        {
            errors["warningPercent"] = ["1 to 99: the share of the time after which those responsible are warned."];
        }

        return errors.Count > 0
            ? null
            : new SlaPolicyDraft(
                name!, priority, request!.FirstResponseMinutes!.Value, request.ResolutionMinutes, request.WarningPercent ?? 80,
                request.BusinessHoursOnly ?? true, request.Enabled ?? true);
    }

    private static ProblemHttpResult Missing() =>
        TypedResults.Problem(title: "No such SLA policy.", statusCode: StatusCodes.Status404NotFound);
}
