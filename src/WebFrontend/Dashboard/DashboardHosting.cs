using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Conversations.WebFrontend.Dashboard;

/// <summary>
/// Serves the agents' dashboard, a single-page app built by <c>WebFrontend.csproj</c> (target
/// <c>BuildDashboard</c>, sources in <c>Dashboard/</c>) into <c>wwwroot/</c>: its static files, and
/// <c>index.html</c> for every other page path so the app's own router can show deep links
/// (<c>/inbox/{id}</c>, <c>/accept-invitation?token=…</c>). API, hub and health paths never fall back to the
/// app: an unknown <c>/api/…</c> route stays a 404 problem.
/// </summary>
/// <remarks>
/// This is middleware that acts only when routing found no endpoint, placed before authorization (whose
/// fallback policy would ask for a token). It is deliberately not a catch-all endpoint: a catch-all without
/// <c>Accepts</c> metadata becomes the only candidate for body-less POSTs in routing's content-type policy,
/// which would hide API endpoints with an optional JSON body, such as <c>POST /api/auth/refresh</c> that
/// browsers send with the refresh cookie and no body.
/// </remarks>
public static class DashboardHosting
{
    private static readonly string[] ServerPrefixes = ["api", "hubs", "health"];

    public static WebApplication UseDashboard(this WebApplication app)
    {
        var files = app.Environment.WebRootFileProvider;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite names bundles by content hash, so they never change; the rest is revalidated.
                context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });

        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (context.GetEndpoint() is not null || IsServerPath(path))
            {
                return next(context);
            }

            if (IsFilePath(path))
            {
                // A missing asset is a plain 404, not the app and not a login challenge.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return Task.CompletedTask;
            }

            return ServeIndexAsync(context, files);
        });
        return app;
    }

    private static bool IsServerPath(string path)
    {
        var first = path.TrimStart('/').Split('/', 2)[0];
        return ServerPrefixes.Contains(first, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsFilePath(string path) => path[(path.LastIndexOf('/') + 1)..].Contains('.', StringComparison.Ordinal);

    private static async Task ServeIndexAsync(HttpContext context, IFileProvider files)
    {
        var index = files.GetFileInfo("index.html");
        if (!index.Exists)
        {
            await Results.Problem(
                title: "The dashboard is not built.",
                detail: "Build src/WebFrontend with Node.js installed (dotnet build runs npm ci and npm run build).",
                statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "same-origin";
        // Defence in depth against injected markup: scripts, styles and connections from this origin only.
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] =
            "default-src 'self'; img-src 'self' https: data: blob:; media-src 'self' https: blob:; connect-src 'self' ws: wss:; " +
            "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }
    }
}
