namespace Conversations.LoadBenchmark;

/// <summary>
/// The HTTP ceiling: Kestrel answering every request with 200 after reading the body, nothing else. Runs in
/// its own process so it competes for the cores like the product does.
/// </summary>
public static class TrivialEndpoint
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/", () => Results.Ok());
        app.MapPost("/api/webhook/whatsapp", async (HttpRequest request) =>
        {
            // Read the body as the product does, so both pay for the bytes.
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            return Results.Ok();
        });
        await app.RunAsync();
    }
}
