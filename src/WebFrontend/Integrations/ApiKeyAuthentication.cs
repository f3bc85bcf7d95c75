using Conversations.Infrastructure.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Conversations.WebFrontend.Integrations;

/// <summary>
/// API keys next to employees' tokens: a policy scheme becomes the default and sends requests carrying a key
/// (<c>ck_…</c>) to <see cref="ApiKeyAuthenticationHandler"/> and everything else to JWT bearer, as before.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string SelectorScheme = "TokenOrApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "api_key";
    public const string ScopeClaim = "scope";

    /// <summary>The key the request presents, if any.</summary>
    public static string? Read(HttpRequest request)
    {
        if (request.Headers[HeaderName].FirstOrDefault() is { Length: > 0 } header)
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null
            && authorization.StartsWith("Bearer " + ApiKeyStore.KeyPrefix, StringComparison.Ordinal)
                ? authorization["Bearer ".Length..].Trim()
                : null;
    }

    /// <summary>Keys, their API, the scheme that recognises them and their per-key limit.</summary>
    public static IServiceCollection AddConversationsApiKeys(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null)
            .AddPolicyScheme(SelectorScheme, null, options => options.ForwardDefaultSelector = context =>
                Read(context.Request) is not null ? Scheme : JwtBearerDefaults.AuthenticationScheme);

        // Registered after AddAuthentication(JwtBearer) in FrontendHosting, so this default wins.
        services.Configure<AuthenticationOptions>(options => options.DefaultScheme = SelectorScheme);
        return services;
    }

    /// <summary>
    /// After authentication: a request made with a key must be within the key's rate and scopes (403 naming
    /// <c>scope</c>), and only on routes open to keys at all.
    /// </summary>
    public static IApplicationBuilder UseApiKeyScopes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirst(KeyIdClaim)?.Value is not { } keyId)
        {
            await next(context);
            return;
        }

        using var lease = context.RequestServices.GetRequiredService<ApiKeyRateLimiter>().Acquire(keyId);
        if (!lease.IsAcquired)
        {
            if (lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter))
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await Results.Problem(title: "Too many requests with this API key.", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }

        var allowed = ApiKeyRoutes.ScopesFor(context.Request.Method, context.Request.Path);
        if (allowed is null)
        {
            await Problem(context, "API keys cannot use this route.");
            return;
        }

        if (!allowed.Any(scope => context.User.HasClaim(ScopeClaim, scope)))
        {
            await Problem(context, $"The API key needs the scope {string.Join(" or ", allowed)}.");
            return;
        }

        await next(context);
    });

    private static Task Problem(HttpContext context, string message) =>
        Results.Problem(
            title: message,
            statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["scope"] = [message] } })
        .ExecuteAsync(context);
}
