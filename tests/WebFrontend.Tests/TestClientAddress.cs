using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Conversations.WebFrontend.Tests;

/// <summary>
/// The test server has no client address; this gives each request the one named in
/// <see cref="Header"/>, or else a random one, so per-IP rate limits bite only the tests that mean them to.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[Header], out var address)
                ? address
                : new IPAddress(Random.Shared.NextInt64(0x0A00_0000, 0x0AFF_FFFF));
            return nextMiddleware(context);
        });
        next(app);
    };
}
