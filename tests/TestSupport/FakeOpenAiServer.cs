using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Conversations.TestSupport;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1, scripted per model id (so tests sharing it
/// never take each other's answers): replies, tool calls, slow answers and errors, in order. The real OpenAI
/// client talks to it at <see cref="Endpoint"/>. Requests nobody scripted get <see cref="UnscriptedReply"/>.
/// </summary>
public sealed class FakeOpenAiServer : FakeProviderServer
{
    public const string UnscriptedReply = "(unscripted reply)";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, JsonNode, Task>>> scripts = new();
    private readonly ConcurrentDictionary<string, int> arrived = new();
    private int calls;

    /// <summary>The base URL to configure as the business's endpoint.</summary>
    public string Endpoint => BaseUrl + "/v1";

    /// <summary>The chat-completion requests received for a model, parsed, oldest first.</summary>
    public IReadOnlyList<JsonNode> ChatRequests(string model) =>
        Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body)!)
            .Where(r => r["model"]?.GetValue<string>() == model)
            .ToList();

    /// <summary>How many requests for the model have arrived, answered or not (a slow answer is still being written).</summary>
    public int Arrived(string model) => arrived.GetValueOrDefault(model);

    /// <summary>The next answer for <paramref name="model"/> is this text, after <paramref name="after"/> when given.</summary>
    public FakeOpenAiServer Replies(string model, string text, int inputTokens = 100, int outputTokens = 20, TimeSpan? after = null)
    {
        Script(model).Enqueue((context, request) =>
            AnswerAsync(context, request, new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop", inputTokens, outputTokens, after));
        return this;
    }

    /// <summary>The next answer for <paramref name="model"/> calls these tools (name, arguments as JSON).</summary>
    public FakeOpenAiServer CallsTools(string model, params (string Name, string Arguments)[] tools)
    {
        Script(model).Enqueue((context, request) =>
        {
            var toolCalls = new JsonArray(tools.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = $"call_{Interlocked.Increment(ref calls)}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = t.Name, ["arguments"] = t.Arguments },
            }).ToArray());
            return AnswerAsync(context, request, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = toolCalls }, "tool_calls", 120, 15, null);
        });
        return this;
    }

    /// <summary>The audio files received for transcription, by model: their size and the form's fields.</summary>
    public ConcurrentQueue<(string Model, long FileBytes, string FileName, string ResponseFormat)> Transcriptions { get; } = new();

    /// <summary>The next transcription for <paramref name="model"/> hears this text in audio of this length.</summary>
    public FakeOpenAiServer Transcribes(string model, string text, double seconds)
    {
        Script(model).Enqueue(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["task"] = "transcribe",
                ["language"] = "english",
                ["duration"] = seconds,
                ["text"] = text,
                ["segments"] = new JsonArray(),
            }.ToJsonString());
        });
        return this;
    }

    /// <summary>The next request for <paramref name="model"/> fails with this HTTP status.</summary>
    public FakeOpenAiServer Fails(string model, int status)
    {
        Script(model).Enqueue(async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"message":"scripted failure","type":"server_error","code":null}}""");
        });
        return this;
    }

    protected override async Task AnswerAsync(HttpContext context, string body)
    {
        if (context.Request.Path.Value!.EndsWith("/audio/transcriptions", StringComparison.Ordinal))
        {
            await TranscribeAsync(context);
            return;
        }

        await AnswerChatAsync(context, body);
    }

    private async Task TranscribeAsync(HttpContext context)
    {
        context.Request.Body.Position = 0;
        var form = await context.Request.ReadFormAsync();
        var model = form["model"].ToString();
        var file = form.Files["file"];
        Transcriptions.Enqueue((model, file?.Length ?? 0, file?.FileName ?? "", form["response_format"].ToString()));
        arrived.AddOrUpdate(model, 1, (_, n) => n + 1);
        if (scripts.TryGetValue(model, out var script) && script.TryDequeue(out var scripted))
        {
            await scripted(context, new JsonObject { ["model"] = model });
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"text":"(unscripted transcript)","duration":1.0,"language":"english"}""");
    }

    private Task AnswerChatAsync(HttpContext context, string body)
    {
        var request = JsonNode.Parse(body)!;
        var model = request["model"]?.GetValue<string>() ?? "";
        arrived.AddOrUpdate(model, 1, (_, n) => n + 1);
        return scripts.TryGetValue(model, out var script) && script.TryDequeue(out var scripted)
            ? scripted(context, request)
            : AnswerAsync(context, request, new JsonObject { ["role"] = "assistant", ["content"] = UnscriptedReply }, "stop", 50, 5, null);
    }

    /// <summary>The tool results the assistant sent back in a request.</summary>
    public static IReadOnlyList<string> ToolResults(JsonNode request) =>
        request["messages"]!.AsArray().Where(m => m?["role"]?.GetValue<string>() == "tool").Select(m => m!["content"]!.ToString()).ToList();

    /// <summary>The system prompt of a request.</summary>
    public static string SystemPrompt(JsonNode request) =>
        request["messages"]!.AsArray().First(m => m?["role"]?.GetValue<string>() == "system")!["content"]!.ToString();

    private ConcurrentQueue<Func<HttpContext, JsonNode, Task>> Script(string model) => scripts.GetOrAdd(model, _ => new());

    private static async Task AnswerAsync(
        HttpContext context, JsonNode request, JsonObject message, string finishReason, int inputTokens, int outputTokens, TimeSpan? after)
    {
        if (after is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var response = new JsonObject
        {
            ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request["model"]?.GetValue<string>() ?? "fake-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputTokens, ["completion_tokens"] = outputTokens, ["total_tokens"] = inputTokens + outputTokens },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }
}
