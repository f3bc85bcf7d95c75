using System.Security.Claims;
using Conversations.Infrastructure.Platform;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace Conversations.WebFrontend.Platform;

/// <summary>
/// The Orleans dashboard (grain activations, call rates, silos, reminders) at <see cref="Path"/>, for platform
/// administrators only. A browser opens it by navigation, without an Authorization header, so
/// <c>POST /api/platform/orleans-dashboard/session</c> (with the administrator's bearer token) sets a cookie that
/// holds a fresh platform token, sent only to <see cref="Path"/> (HttpOnly, Secure, SameSite=Strict) and read only
/// there. It lasts as long as any platform token (15 minutes); an administrator removed from <c>platform_admins</c>
/// is refused at once, as with the bearer token, which the dashboard also accepts.
/// </summary>
public static class OrleansDashboardAccess
{
    public const string Path = "/orleans-dashboard";
    public const string CookieName = "conversations_orleans_dashboard";

    /// <summary>
    /// The platform's role, whether the token comes in the header or the cookie. Employees' tokens are authenticated
    /// too, so that they are told 403 (not theirs to see) rather than 401.
    /// </summary>
    public const string Policy = "platform-orleans-dashboard";

    public static AuthorizationBuilder AddOrleansDashboardPolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(PlatformAuth.Scheme, JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(PlatformAuth.Role));

    /// <summary>The dashboard cookie's token, for a request to the dashboard that carries no Authorization header.</summary>
    public static string? TokenFrom(HttpRequest request) =>
        request.Path.StartsWithSegments(Path) && string.IsNullOrEmpty(request.Headers.Authorization)
            ? request.Cookies[CookieName]
            : null;

    public static IEndpointRouteBuilder MapOrleansDashboardForAdministrators(this IEndpointRouteBuilder app)
    {
        app.MapGroup(Path).RequireAuthorization(Policy).ExcludeFromDescription().MapOrleansDashboard();
        app.MapPost("/api/platform/orleans-dashboard/session", OpenSession).WithTags("Platform").RequireAuthorization(PlatformAuth.Policy);
        return app;
    }

    public sealed record DashboardSession(string Url, DateTimeOffset ExpiresAt);

    /// <summary>
    /// Opens the Orleans dashboard in this browser: sets a short-lived cookie (as long as a platform token) that
    /// lets the browser navigate to /orleans-dashboard/ without an Authorization header.
    /// </summary>
    /// <remarks>Call it from the same origin as the dashboard (e.g. from the API reference page), then open the returned URL.</remarks>
    internal static Ok<DashboardSession> OpenSession(ClaimsPrincipal user, PlatformTokenIssuer issuer, HttpContext context)
    {
        var admin = new PlatformAdmin(
            Guid.Parse(user.FindFirstValue(ConversationsClaims.EmployeeId)!), user.FindFirstValue(ConversationsClaims.Email) ?? "", "", "");
        var token = issuer.Issue(admin);
        context.Response.Cookies.Append(CookieName, token.Token, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = Path,
            Expires = token.ExpiresAt,
            IsEssential = true,
        });
        return TypedResults.Ok(new DashboardSession(Path + "/", token.ExpiresAt));
    }
}
