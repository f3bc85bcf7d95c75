using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Conversations.TestSupport;

/// <summary>
/// The WhatsApp Cloud API's messages endpoint as documented: <c>POST /{version}/{phone-number-id}/messages</c>
/// answers <c>{"messaging_product":"whatsapp","contacts":[...],"messages":[{"id":"wamid..."}]}</c>.
/// </summary>
public sealed class FakeMetaGraphApi : FakeProviderServer
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> served = new();
    private int sent;
    private int uploaded;

    /// <summary>Serves these bytes (instead of the default fake JPEG) for a media id.</summary>
    public void ServeMedia(string mediaId, byte[] bytes, string mimeType) => served[mediaId] = (bytes, mimeType);

    public static string Error(int code, string title) =>
        JsonSerializer.Serialize(new { error = new { message = title, type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = title }, fbtrace_id = "Az8or2yhqkZfEZ-_4Qn_Bam" } });

    /// <summary>The bytes the fake serves for a media id.</summary>
    public static byte[] MediaBytes(string mediaId) => System.Text.Encoding.UTF8.GetBytes($"\u00FF\u00D8 fake jpeg {mediaId}");

    protected override async Task AnswerAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value!;
        if (context.Request.Method == "GET")
        {
            await AnswerMediaAsync(context, path);
            return;
        }

        if (context.Request.Method == "POST" && path.EndsWith("/media", StringComparison.Ordinal))
        {
            // POST /{version}/{phone-number-id}/media (multipart) answers the uploaded file's id.
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { id = $"media.fake{Interlocked.Increment(ref uploaded)}" }));
            return;
        }

        if (context.Request.Method != "POST" || !path.EndsWith("/messages", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var request = JsonDocument.Parse(body);
        var to = request.RootElement.GetProperty("to").GetString();
        var id = $"wamid.fake{Interlocked.Increment(ref sent)}";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = to, wa_id = to } },
            messages = new[] { new { id } },
        }));
    }

    /// <summary>
    /// <c>GET /{version}/{media-id}</c> answers the media's URL, which (like Meta's) needs the same bearer token.
    /// </summary>
    private async Task AnswerMediaAsync(HttpContext context, string path)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 401;
            return;
        }

        var segments = path.Trim('/').Split('/');
        if (segments is ["media-download", var downloadId])
        {
            var (bytes, mimeType) = served.TryGetValue(downloadId, out var file) ? file : (MediaBytes(downloadId), "image/jpeg");
            context.Response.ContentType = mimeType;
            await context.Response.Body.WriteAsync(bytes);
            return;
        }

        if (segments is [_, var mediaId])
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                messaging_product = "whatsapp",
                url = $"{BaseUrl}/media-download/{mediaId}",
                mime_type = served.TryGetValue(mediaId, out var file) ? file.MimeType : "image/jpeg",
                sha256 = "unused",
                file_size = served.TryGetValue(mediaId, out var size) ? size.Bytes.Length : MediaBytes(mediaId).Length,
                id = mediaId,
            }));
            return;
        }

        context.Response.StatusCode = 404;
    }
}
