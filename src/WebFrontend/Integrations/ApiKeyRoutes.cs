using Conversations.Infrastructure.ApiKeys;

namespace Conversations.WebFrontend.Integrations;

/// <summary>
/// Which scopes open which routes to an API key. A route not listed is closed to keys whatever their scopes (the
/// keys and webhooks APIs, settings, the hub...), so a new route is never opened to integrations by accident.
/// </summary>
public static class ApiKeyRoutes
{
    private static readonly string[] BookingsReaders = [ApiKeyScopes.BookingsRead, ApiKeyScopes.BookingsManage];

    /// <summary>The scopes any one of which allows the request, or null when keys may not use the route.</summary>
    public static IReadOnlyList<string>? ScopesFor(string method, PathString path)
    {
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (path.StartsWithSegments("/api/conversations") || path.StartsWithSegments("/api/messages"))
        {
            return reads ? [ApiKeyScopes.ConversationsRead]
                : HttpMethods.IsPost(method) && path.Equals("/api/messages", StringComparison.OrdinalIgnoreCase)
                    || HttpMethods.IsPost(method) && path.Equals("/api/messages/", StringComparison.OrdinalIgnoreCase)
                    ? [ApiKeyScopes.MessagesSend]
                    : null;
        }

        if (path.StartsWithSegments("/api/bookings"))
        {
            return reads ? BookingsReaders : [ApiKeyScopes.BookingsManage];
        }

        if (path.StartsWithSegments("/api/availability") || path.StartsWithSegments("/api/services"))
        {
            return reads ? BookingsReaders : null;
        }

        if (path.StartsWithSegments("/api/customers"))
        {
            return reads ? [ApiKeyScopes.CustomersRead] : null;
        }

        return null;
    }
}
