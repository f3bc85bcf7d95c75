using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Conversations.TestSupport;

/// <summary>
/// Twilio's Messages resource as documented: <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>
/// (form-encoded, basic auth) answers 201 with the message resource.
/// </summary>
public sealed class FakeTwilioApi : FakeProviderServer
{
    private int sent;

    /// <summary>The bytes the fake serves for a media resource.</summary>
    public static byte[] MediaBytes(string mediaSid) => System.Text.Encoding.UTF8.GetBytes($"fake twilio media {mediaSid}");

    protected override async Task AnswerAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value!;
        if (context.Request.Method == "GET" && path.Contains("/Media/", StringComparison.Ordinal))
        {
            if (!context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 401;
                return;
            }

            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(MediaBytes(path.Split('/')[^1]));
            return;
        }

        if (context.Request.Method != "POST" || !path.StartsWith("/2010-04-01/Accounts/", StringComparison.Ordinal)
            || !path.EndsWith("/Messages.json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var sid = $"SM{Interlocked.Increment(ref sent):D32}";
        context.Response.StatusCode = 201;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["sid"] = sid,
            ["account_sid"] = path.Split('/')[3],
            ["to"] = form["To"].ToString(),
            ["from"] = form["From"].ToString(),
            ["body"] = form["Body"].ToString(),
            ["status"] = "queued",
            ["num_media"] = "0",
            ["num_segments"] = "1",
            ["direction"] = "outbound-api",
            ["api_version"] = "2010-04-01",
            ["date_created"] = DateTimeOffset.UtcNow.ToString("R"),
            ["uri"] = $"{path[..^".json".Length]}/{sid}.json",
        }));
    }
}
