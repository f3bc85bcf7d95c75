using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Conversations.TestSupport;

/// <summary>
/// The WhatsApp Cloud API's messages endpoint as documented: <c>POST /{version}/{phone-number-id}/messages</c>
/// answers <c>{"messaging_product":"whatsapp","contacts":[...],"messages":[{"id":"wamid..."}]}</c>.
/// </summary>
public sealed class FakeMetaGraphApi : FakeProviderServer
{
    private int sent;

    public static string Error(int code, string title) =>
        JsonSerializer.Serialize(new { error = new { message = title, type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = title }, fbtrace_id = "Az8or2yhqkZfEZ-_4Qn_Bam" } });

    protected override async Task AnswerAsync(HttpContext context, string body)
    {
        if (context.Request.Method != "POST" || !context.Request.Path.Value!.EndsWith("/messages", StringComparison.Ordinal))
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
}
