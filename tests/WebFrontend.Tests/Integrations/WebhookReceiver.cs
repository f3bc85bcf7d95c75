using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conversations.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conversations.WebFrontend.Tests.Integrations;

/// <summary>
/// A business's webhook receiver on 127.0.0.1: every path is an endpoint; it records every POST and answers 200, or
/// the status a test set for that path (a receiver that is down).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> down = new();
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. Received.Where(r => r.Path == path)];

    /// <summary>Accepted events at the path, as parsed bodies.</summary>
    public IReadOnlyList<JsonNode> AcceptedAt(string path) =>
        [.. At(path).Where(r => r.StatusCode is >= 200 and < 300).Select(r => JsonNode.Parse(r.Body)!)];

    /// <summary>The path answers <paramref name="status"/> until <see cref="Up"/>.</summary>
    public void Down(string path, int status) => down[path] = status;

    public void Up(string path) => down.TryRemove(path, out _);

    public async Task StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var path = context.Request.Path.Value ?? "/";
            context.Response.StatusCode = down.TryGetValue(path, out var status) ? status : StatusCodes.Status200OK;
            Received.Enqueue(new ReceivedWebhook(
                path,
                context.Request.Headers["Webhook-Id"].FirstOrDefault(),
                context.Request.Headers["Webhook-Timestamp"].FirstOrDefault(),
                context.Request.Headers["Webhook-Signature"].FirstOrDefault(),
                body,
                context.Response.StatusCode));
        });
        await app.StartAsync();
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
