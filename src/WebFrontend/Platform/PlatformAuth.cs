using System.Security.Claims;
using Conversations.Infrastructure.Platform;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.WebFrontend.Platform;

/// <summary>
/// Platform administrators' tokens: signed with the same key as employees' but for another audience, so neither
/// kind of token opens the other's endpoints. An administrator removed from <c>platform_admins</c> is refused at once.
/// </summary>
public static class PlatformAuth
{
    public const string Scheme = "Platform";
    public const string Policy = "platform";
    public const string Role = "platform_admin";

    public static string AudienceOf(AuthOptions options) => options.Audience + "-platform";

    public static IServiceCollection AddPlatformTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme);
        services.AddOptions<JwtBearerOptions>(Scheme)
            .Configure<IOptions<AuthOptions>, TokenSigningKey, TimeProvider>((jwt, auth, signingKey, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = AccessTokenParameters.For(auth.Value, AudienceOf(auth.Value), signingKey, time);
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        context.Token ??= OrleansDashboardAccess.TokenFrom(context.Request);
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        var admins = context.HttpContext.RequestServices.GetRequiredService<PlatformAdmins>();
                        if (!Guid.TryParse(context.Principal!.FindFirstValue(ConversationsClaims.EmployeeId), out var id)
                            || !await admins.ExistsAsync(id, context.HttpContext.RequestAborted))
                        {
                            context.Fail("Not a platform administrator.");
                        }
                    },
                };
            });
        services.AddSingleton<PlatformTokenIssuer>();
        return services;
    }

    public static AuthorizationBuilder AddPlatformPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(Role));
}
