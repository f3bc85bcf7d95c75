using System.Security.Claims;
using System.Text.Json;
using Conversations.Grains.Assistant;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.PromptTemplates;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.PromptTemplates;

/// <summary>
/// The assistant's prompt templates, one active per flow state: <c>templates.read</c> reads and previews them,
/// <c>templates.manage</c> writes them. Variables are checked when a template is saved; another business's ids are simply not found.
/// </summary>
public static class PromptTemplatesApi
{
    private const int MaxBody = 20_000;
    private const int MaxName = 200;

    public static IEndpointRouteBuilder MapPromptTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/templates").WithTags("Prompt templates");
        templates.MapGet("/", ListAsync).RequirePermission(Permissions.TemplatesRead);
        templates.MapPost("/", CreateAsync).RequirePermission(Permissions.TemplatesManage);
        templates.MapGet("/variables", Variables).RequirePermission(Permissions.TemplatesRead);
        templates.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.TemplatesRead);
        templates.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.TemplatesManage);
        templates.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.TemplatesManage);
        
        // A POST that changes nothing: it renders the template with the sample values given.
        templates.MapPost("/{id:guid}/test", TestAsync).RequirePermission(Permissions.TemplatesRead);
        templates.MapPost("/{id:guid}/versions/{version:int}/restore", RestoreAsync).RequirePermission(Permissions.TemplatesManage);
        return app;
    }

    /// <summary>The business's templates; a business older than templates gets the defaults on its first listing.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<PromptTemplateView>>, ValidationProblem>> ListAsync(
        string? flowState, ClaimsPrincipal user, PromptTemplateStore store, CancellationToken cancellationToken)
    {
        FlowState? state = null;
        if (!string.IsNullOrWhiteSpace(flowState))
        {
            if (!PromptFlowStates.TryParse(flowState, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["flowState"] = [FlowStateMessage] });
            }

            state = parsed;
        }

        var businessId = user.GetBusinessId();
        await store.EnsureDefaultsAsync(businessId, cancellationToken);
        var templates = await store.ListAsync(businessId, state, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PromptTemplateView>>(templates.Select(PromptTemplateView.From).ToList());
    }

    /// <summary>The variables a prompt template may use (written {{ name }}), with what each one holds.</summary>
    internal static Ok<IReadOnlyList<PromptVariable>> Variables() => TypedResults.Ok(PromptVariables.Catalogue);

    /// <summary>One prompt template with its earlier versions.</summary>
    internal static async Task<Results<Ok<PromptTemplateDetails>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, PromptTemplateStore store, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        return await store.FindAsync(businessId, id, cancellationToken) is { } template
            ? TypedResults.Ok(PromptTemplateDetails.From(template, await store.VersionsAsync(businessId, id, cancellationToken)))
            : Missing();
    }

    /// <summary>Adds a prompt template for a flow state; unknown variables in the body are a validation problem.</summary>
    internal static async Task<Results<Created<PromptTemplateDetails>, ValidationProblem>> CreateAsync(
        PromptTemplateRequest? request, ClaimsPrincipal user, PromptTemplateStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PromptFlowStates.TryParse(request?.FlowState, out var state))
        {
            errors["flowState"] = [FlowStateMessage];
        }

        var name = ValidName(request?.Name, errors);
        var body = ValidBody(request?.Body, required: true, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors, request?.Body);
        }

        var businessId = user.GetBusinessId();
        var created = await store.CreateAsync(
            businessId, user.GetEmployeeId(), state, name ?? DefaultPrompts.Title(state), body!, request?.IsActive ?? false, cancellationToken);
        return TypedResults.Created(
            $"/api/templates/{created.Id}", PromptTemplateDetails.From(created, await store.VersionsAsync(businessId, created.Id, cancellationToken)));
    }

    /// <summary>Changes a prompt template's name, body or active flag; each change makes a new version, and earlier ones can be restored.</summary>
    internal static async Task<Results<Ok<PromptTemplateDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, PromptTemplatePatch? request, ClaimsPrincipal user, PromptTemplateStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = ValidName(request?.Name, errors);
        var body = ValidBody(request?.Body, required: false, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors, request?.Body);
        }

        var businessId = user.GetBusinessId();
        var updated = await store.UpdateAsync(businessId, id, user.GetEmployeeId(), name, body, request?.IsActive, cancellationToken);
        return updated is null
            ? Missing()
            : TypedResults.Ok(PromptTemplateDetails.From(updated, await store.VersionsAsync(businessId, id, cancellationToken)));
    }

    /// <summary>Makes an earlier version current again, as a new version.</summary>
    internal static async Task<Results<Ok<PromptTemplateDetails>, ProblemHttpResult>> RestoreAsync(
        Guid id, int version, ClaimsPrincipal user, PromptTemplateStore store, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (await store.FindAsync(businessId, id, cancellationToken) is null)
        {
            return Missing();
        }

        var restored = await store.RestoreAsync(businessId, id, version, user.GetEmployeeId(), cancellationToken);
        return restored is null
            ? FieldProblems.Of(StatusCodes.Status404NotFound, "version", "The template has no such version.")
            : TypedResults.Ok(PromptTemplateDetails.From(restored, await store.VersionsAsync(businessId, id, cancellationToken)));
    }

    /// <summary>Takes the template out of use and out of lists (its versions are kept); its state falls back to the built-in default.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, PromptTemplateStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(user.GetBusinessId(), id, user.GetEmployeeId(), cancellationToken) ? TypedResults.NoContent() : Missing();

    /// <summary>The template rendered against one of the business's conversations, or against sample values.</summary>
    internal static async Task<Results<Ok<PromptTestResult>, ValidationProblem, ProblemHttpResult>> TestAsync(
        Guid id,
        PromptTestRequest? request,
        ClaimsPrincipal user,
        PromptTemplateStore store,
        PromptContextQueries contexts,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var template = await store.FindAsync(businessId, id, cancellationToken);
        if (template is null)
        {
            return Missing();
        }

        var errors = new Dictionary<string, string[]>();
        Guid? conversationId = null;
        if (!string.IsNullOrWhiteSpace(request?.ConversationId))
        {
            if (Guid.TryParse(request.ConversationId, out var parsed))
            {
                conversationId = parsed;
            }
            else
            {
                errors["conversationId"] = ["A conversation id (UUID)."];
            }
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request?.Sample ?? new Dictionary<string, JsonElement>())
        {
            var name = key.Trim();
            if (!PromptVariables.Known.Contains(name))
            {
                errors["sample"] = [$"Unknown variable '{key}'. Known: {string.Join(", ", PromptVariables.Known.Order())}."];
            }
            else if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                errors["sample"] = [$"The value of '{name}' must be text."];
            }
            else
            {
                overrides[name] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString()!,
                    JsonValueKind.Null => "",
                    _ => value.GetRawText(),
                };
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        PromptContext? context;
        if (conversationId is { } conversation)
        {
            context = await contexts.ForConversationAsync(businessId, conversation, cancellationToken);
            if (context is null)
            {
                return FieldProblems.Of(StatusCodes.Status404NotFound, "conversationId", "No such conversation.");
            }
        }
        else if ((context = await contexts.SampleAsync(businessId, cancellationToken)) is null)
        {
            return Missing();
        }

        var values = PromptVariables.Values(context);
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return TypedResults.Ok(new PromptTestResult(PromptVariables.Render(template.Body, values), values));
    }

    private static readonly string FlowStateMessage = $"One of: {string.Join(", ", PromptFlowStates.Names)}.";

    private static string? ValidName(string? value, Dictionary<string, string[]> errors)
    {
        var name = value?.Trim();
        if (name is not null && (name.Length == 0 || name.Length > MaxName))
        {
            errors["name"] = [$"1 to {MaxName} characters."];
        }

        return name;
    }

    private static string? ValidBody(string? value, bool required, Dictionary<string, string[]> errors)
    {
        var body = value?.Trim();
        if (body is null && !required)
        {
            return null;
        }

        if (string.IsNullOrEmpty(body) || body.Length > MaxBody)
        {
            errors["body"] = [$"1 to {MaxBody} characters."];
        }
        else if (PromptVariables.Unknown(body) is { Count: > 0 } unknown)
        {
            errors["body"] =
            [
                $"Unknown variables: {string.Join(", ", unknown.Select(v => $"{{{{ {v} }}}}"))}. Known: {string.Join(", ", PromptVariables.Known.Order())}.",
            ];
        }

        return body;
    }

    /// <summary>A 400 naming the fields; one about unknown variables also lists them as <c>unknownVariables</c>.</summary>
    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, string? body)
    {
        var unknown = body is null ? [] : PromptVariables.Unknown(body);
        return unknown.Count > 0 && errors.ContainsKey("body")
            ? TypedResults.ValidationProblem(errors, extensions: new Dictionary<string, object?> { ["unknownVariables"] = unknown })
            : TypedResults.ValidationProblem(errors);
    }

    private static ProblemHttpResult Missing() => FieldProblems.NotFound("template");
}
