using System.Security.Claims;
using Conversations.Grains.Integrations;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Integrations;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Integrations;

/// <summary>
/// Outbound webhooks: those whose role grants <c>integrations.manage</c> (owners and admins) subscribe their endpoints to event types, read each endpoint's delivery log
/// and send it a test. The signing secret is shown when made (creation, rotation) and never again. Another business's
/// endpoints are simply not found.
/// </summary>
public static class WebhooksApi
{
    private const int MaxDescriptionLength = 200;
    private const int MaxUrlLength = 2000;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var endpoints = app.MapGroup("/api/webhooks/endpoints").WithTags("Webhooks").RequirePermission(Permissions.IntegrationsManage);
        endpoints.MapGet("/", ListAsync);
        endpoints.MapPost("/", CreateAsync);
        endpoints.MapGet("/{id:guid}", GetAsync);
        endpoints.MapPatch("/{id:guid}", UpdateAsync);
        endpoints.MapDelete("/{id:guid}", DeleteAsync);
        endpoints.MapGet("/{id:guid}/deliveries", DeliveriesAsync);
        endpoints.MapPost("/{id:guid}/test", TestAsync);
        return app;
    }

    /// <summary>The business's outgoing webhook endpoints and the event types each receives.</summary>
    internal static async Task<Ok<IReadOnlyList<WebhookEndpointView>>> ListAsync(
        ClaimsPrincipal user, WebhookEndpoints endpoints, CancellationToken cancellationToken) =>
        TypedResults.Ok(await endpoints.ListAsync(user.GetBusinessId(), cancellationToken));

    /// <summary>Registers an outgoing webhook endpoint (an http or https URL, event types); the signing secret is in the response.</summary>
    internal static async Task<Results<Created<WebhookEndpointView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WebhookEndpointRequest? request, ClaimsPrincipal user, WebhookEndpoints endpoints, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var changes = Validate(request, partial: false, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        if (await endpoints.CountAsync(businessId, cancellationToken) >= WebhookEndpoints.MaxEndpointsPerBusiness)
        {
            return FieldProblems.Conflict("url", $"A business has at most {WebhookEndpoints.MaxEndpointsPerBusiness} webhook endpoints.");
        }

        var created = await endpoints.CreateAsync(businessId, changes.Url!, changes.Description ?? "", changes.EventTypes!, cancellationToken);
        await grains.GetGrain<IWebhookDispatcherGrain>(businessId).StartAsync();
        return TypedResults.Created($"/api/webhooks/endpoints/{created.Id}", created);
    }

    /// <summary>One outgoing webhook endpoint.</summary>
    internal static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, WebhookEndpoints endpoints, CancellationToken cancellationToken) =>
        await endpoints.FindAsync(user.GetBusinessId(), id, cancellationToken) is { } endpoint
            ? TypedResults.Ok(endpoint)
            : FieldProblems.NotFound("webhook endpoint");

    /// <summary>Changes a webhook endpoint's URL, description, event types or enabled flag, or rotates its signing secret; fields left out keep their value.</summary>
    internal static async Task<Results<Ok<WebhookEndpointView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, WebhookEndpointRequest? request, ClaimsPrincipal user, WebhookEndpoints endpoints, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var changes = Validate(request, partial: true, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        if (await endpoints.UpdateAsync(businessId, id, changes, cancellationToken) is not { } updated)
        {
            return FieldProblems.NotFound("webhook endpoint");
        }

        if (updated.Enabled)
        {
            await grains.GetGrain<IWebhookDispatcherGrain>(businessId).StartAsync();
        }

        return TypedResults.Ok(updated);
    }

    /// <summary>Deletes a webhook endpoint; nothing more is delivered to it.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, WebhookEndpoints endpoints, CancellationToken cancellationToken) =>
        await endpoints.DeleteAsync(user.GetBusinessId(), id, cancellationToken)
            ? TypedResults.NoContent()
            : FieldProblems.NotFound("webhook endpoint");

    /// <summary>The endpoint's deliveries, newest first, with each one's last attempt (status code, duration, error).</summary>
    internal static async Task<Results<Ok<WebhookDeliveryPage>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(
        Guid id, int? offset, int? limit, ClaimsPrincipal user, WebhookEndpoints endpoints, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (offset is < 0)
        {
            errors["offset"] = ["0 or more."];
        }

        if (limit is < 1 or > 200)
        {
            errors["limit"] = ["1 to 200."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await endpoints.DeliveriesAsync(user.GetBusinessId(), id, offset ?? 0, limit ?? 50, cancellationToken) is { } page
            ? TypedResults.Ok(page)
            : FieldProblems.NotFound("webhook endpoint");
    }

    /// <summary>Queues a <c>ping</c> event to the endpoint (enabled or not, it goes once the endpoint is enabled).</summary>
    internal static async Task<Results<Accepted<WebhookDeliveryView>, ProblemHttpResult>> TestAsync(
        Guid id, ClaimsPrincipal user, WebhookEndpoints endpoints, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (await endpoints.QueuePingAsync(businessId, id, cancellationToken) is not { } delivery)
        {
            return FieldProblems.NotFound("webhook endpoint");
        }

        await grains.GetGrain<IWebhookDispatcherGrain>(businessId).StartAsync();
        return TypedResults.Accepted($"/api/webhooks/endpoints/{id}/deliveries", delivery);
    }

    private static WebhookEndpointChanges Validate(WebhookEndpointRequest? request, bool partial, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
            return new WebhookEndpointChanges(null, null, null, null, false);
        }

        var url = request.Url?.Trim();
        if (url is null)
        {
            if (!partial)
            {
                errors["url"] = ["Required: an absolute http or https URL."];
            }
        }
        else if (url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors["url"] = [$"An absolute http or https URL without credentials, at most {MaxUrlLength} characters."];
        }

        var description = request.Description?.Trim();
        if (description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"At most {MaxDescriptionLength} characters."];
        }

        IReadOnlyList<string>? types = request.EventTypes?.Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (types is null)
        {
            if (!partial)
            {
                errors["eventTypes"] = ["Required: one or more of " + string.Join(", ", WebhookEventTypes.All) + "."];
            }
        }
        else if (types.Count == 0 || types.Any(t => !WebhookEventTypes.All.Contains(t)))
        {
            errors["eventTypes"] = ["One or more of " + string.Join(", ", WebhookEventTypes.All) + "."];
        }

        return new WebhookEndpointChanges(url, description, types, request.Enabled, request.RotateSecret ?? false);
    }
}
