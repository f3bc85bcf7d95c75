using Conversations.Infrastructure.Platform;
using Conversations.WebFrontend.Platform;
using System.Text.Json.Serialization;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Demo;
using Conversations.Infrastructure.Hosting;
using Conversations.Infrastructure.Mail;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Health;
using Conversations.WebFrontend.OpenApi;
using Conversations.WebFrontend.RateLimiting;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Realtime;
using Conversations.WebFrontend.WhatsApp;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.WebFrontend.Hosting;

public static class FrontendHosting
{
    /// <summary>Joins the cluster: as a silo of its own (co-hosted) or as a client of separate silos.</summary>
    public static WebApplicationBuilder AddConversationsCluster(this WebApplicationBuilder builder)
    {
        var frontend = ValidatedConfiguration.Read<FrontendOptions>(builder.Configuration, FrontendOptions.Section);
        if (frontend.Mode == FrontendMode.Client)
        {
            builder.UseOrleansClient(client => client.UseConversationsCluster(builder.Configuration));
        }
        else
        {
            builder.UseOrleans(silo => silo.UseConversationsCluster(builder.Configuration));
        }

        return builder;
    }

    /// <summary>The API's cross-cutting services: tokens, problem details, the hub and its relay, health.</summary>
    public static WebApplicationBuilder AddConversationsWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddConversationsOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenSigningKey>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenSigningKey>());
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<TwoFactorChallenges>();
        services.AddSingleton<SessionIssuer>();
        services.AddSingleton<AccountEmails>();
        services.AddConversationsRateLimits();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TokenSigningKey, TimeProvider>((jwt, auth, signingKey, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = AccessTokenParameters.For(auth.Value, auth.Value.Audience, signingKey, time);

                // Browsers cannot set headers on WebSocket requests, so the hub takes the token from the query.
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = AccessTokenValidation.OnTokenValidatedAsync,
                };
            });
        services.AddPlatformTokens();
        services.AddHostedService<PlatformAdminSeeder>();
        // Every route names its policy (a permission, the caller's own account, the platform's, or anonymous); the
        // fallback only keeps a route that forgot to from being public.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireClaim(ConversationsClaims.BusinessId).Build())
            .AddPermissionPolicies()
            .AddPlatformPolicy()
            .AddOrleansDashboardPolicy();
        services.AddSingleton<EmployeeAccess>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PermissionDeniedResponder>();

        services.AddSignalR().AddJsonProtocol(o =>
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddSingleton<BusinessEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<BusinessEventRelay>());

        services.AddSingleton<InboundDispatcher>();
        services.AddConversationsHealthChecks();

        services.AddOptions<DemoTenantOptions>()
            .BindConfiguration(DemoTenantOptions.Section)
            .PostConfigure<IConfiguration>((demo, configuration) =>
            {
                demo.Password = configuration["CONVERSATIONS_DEMO_PASSWORD"] is { Length: > 0 } password ? password : demo.Password;
                demo.MetaAppSecret = configuration["CONVERSATIONS_DEMO_META_APP_SECRET"] is { Length: > 0 } secret ? secret : demo.MetaAppSecret;
            });
        services.AddHostedService<DemoTenantSeeder>();
        return builder;
    }
}
