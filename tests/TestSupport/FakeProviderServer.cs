using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conversations.TestSupport;

/// <summary>
/// A provider's API (the Meta Graph API, Twilio's REST API) faked on 127.0.0.1: it records every request and
/// answers from a script the test sets, falling back to the provider's documented success answer.
/// </summary>
public abstract class FakeProviderServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> script = new();
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests the fake answered with success.</summary>
    public IEnumerable<RecordedRequest> Accepted => Requests.Where(r => r.StatusCode is >= 200 and < 300);

    /// <summary>Makes the next requests fail with these statuses and bodies, in order.</summary>
    public void FailNext(params (int Status, string Body)[] failures)
    {
        foreach (var (status, body) in failures)
        {
            script.Enqueue(async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body);
            });
        }
    }

    public async Task StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(async context =>
        {
            var arrived = DateTimeOffset.UtcNow;
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            if (script.TryDequeue(out var scripted))
            {
                await scripted(context);
            }
            else
            {
                await AnswerAsync(context, body);
            }

            Requests.Enqueue(new RecordedRequest(
                context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(), body, context.Response.StatusCode, arrived));
        });
        await app.StartAsync();
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>The provider's success answer to one request.</summary>
    protected abstract Task AnswerAsync(HttpContext context, string body);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
