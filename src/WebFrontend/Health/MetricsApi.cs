using System.Net;
using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.WebFrontend.Health;

public static class MetricsApi
{
    /// <summary>
    /// <c>GET /metrics</c> in Prometheus' format: our meters, ASP.NET Core's, Orleans', Npgsql's, the runtime's. Only
    /// from this host unless <c>Conversations:Telemetry:MetricsFromOtherHosts</c> says a scraper may come from elsewhere.
    /// </summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics")
            .AllowAnonymous()
            .AddEndpointFilter(async (context, next) =>
            {
                var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value;
                var remote = context.HttpContext.Connection.RemoteIpAddress;
                return options.MetricsFromOtherHosts || remote is null || IPAddress.IsLoopback(remote)
                    ? await next(context)
                    : Results.Problem(title: "Metrics are served to this host only.", statusCode: StatusCodes.Status403Forbidden);
            });
        return app;
    }
}
