using System.Net;
using System.Security.Claims;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Workspace;

/// <summary>Web Push opt-in: the server's public key, and browsers' subscriptions.</summary>
public static class WebPushApi
{
    public static IEndpointRouteBuilder MapWebPushApi(this IEndpointRouteBuilder app)
    {
        var push = app.MapGroup("/api/notifications").WithTags("Notifications").RequireOwnAccount();
        push.MapGet("/vapid-public-key", PublicKeyAsync);
        push.MapPost("/subscribe", SubscribeAsync);
        push.MapPost("/unsubscribe", UnsubscribeAsync);
        return app;
    }

    public sealed record SubscriptionRequest(string? Endpoint, SubscriptionKeys? Keys);

    public sealed record SubscriptionKeys(string? P256dh, string? Auth);

    public sealed record PublicKey(string Key);

    /// <summary>The server's VAPID public key, for the browser's push subscription.</summary>
    internal static async Task<Ok<PublicKey>> PublicKeyAsync(WebPush push, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PublicKey(await push.PublicKeyAsync(cancellationToken)));

    /// <summary>Registers the caller's browser push subscription (endpoint and keys), so notifications reach them when the app is closed.</summary>
    internal static async Task<Results<NoContent, ValidationProblem>> SubscribeAsync(
        SubscriptionRequest? request, ClaimsPrincipal user, WebPush push, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsPushEndpoint(request?.Endpoint))
        {
            errors["endpoint"] = ["The push service URL from the browser's subscription (https)."];
        }

        if (!IsBase64Url(request?.Keys?.P256dh, 65))
        {
            errors["keys.p256dh"] = ["The subscription's P-256 public key (base64url, 65 bytes)."];
        }

        if (!IsBase64Url(request?.Keys?.Auth, 16))
        {
            errors["keys.auth"] = ["The subscription's auth secret (base64url, 16 bytes)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await push.SubscribeAsync(
            user.GetBusinessId(), user.GetEmployeeId(), new WebPushSubscription(request!.Endpoint!, request.Keys!.P256dh!, request.Keys.Auth!), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Removes one of the caller's browser push subscriptions.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> UnsubscribeAsync(
        SubscriptionRequest? request, ClaimsPrincipal user, WebPush push, CancellationToken cancellationToken) =>
        request?.Endpoint is { } endpoint && await push.UnsubscribeAsync(user.GetEmployeeId(), endpoint, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such subscription.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Push services are https; plain http is accepted only on this machine (development, tests).</summary>
    private static bool IsPushEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));

    private static bool IsBase64Url(string? value, int bytes)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var padded = value.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) && written == bytes;
    }
}
