using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>The routes of the running app, read from its <see cref="EndpointDataSource"/>, keyed as <see cref="RouteTable"/> keys them.</summary>
public static class AppRoutes
{
    /// <summary>"METHOD /pattern" (a trailing slash dropped; "*" for an endpoint of any method) → the endpoint.</summary>
    public static IReadOnlyDictionary<string, RouteEndpoint> Of(IServiceProvider services)
    {
        var routes = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : ["*"])
            {
                routes[$"{method} {pattern}"] = endpoint;
            }
        }

        return routes;
    }

    /// <summary>The authorization policies the endpoint names.</summary>
    public static IReadOnlyList<string> PoliciesOf(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").Distinct().ToList();

    public static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
