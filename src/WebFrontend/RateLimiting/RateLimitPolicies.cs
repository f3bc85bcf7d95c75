using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Conversations.WebFrontend.Auth;
using Microsoft.Extensions.Options;

namespace Conversations.WebFrontend.RateLimiting;

/// <summary>The named rate-limit policies endpoints opt into, partitioned by client IP address.</summary>
public static class RateLimitPolicies
{
    public const string SignUp = "sign-up";
    public const string Credentials = "credentials";
    public const string TestMessage = "test-message";

    public static IServiceCollection AddConversationsRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignUp, context => PerAddress(context, limits.SignUpPermitLimit, limits.SignUpWindow));
            limiter.AddPolicy(Credentials, context => PerAddress(context, limits.CredentialsPermitLimit, limits.CredentialsWindow));
            limiter.AddPolicy(TestMessage, context => PerBusiness(context, limits.TestMessagePermitLimit, limits.TestMessageWindow));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = "Too many attempts from here; try again later.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    /// <summary>Signed-in callers count against their business, wherever they call from.</summary>
    private static RateLimitPartition<string> PerBusiness(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.User.FindFirst(ConversationsClaims.BusinessId)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
