using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Conversations.WebFrontend.Health;

public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddConversationsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("postgres", tags: [ReadyTag])
            .AddCheck<ClusterReadyCheck>("cluster", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: it can serve (database reachable and migrated, a silo active).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return app;
    }
}
