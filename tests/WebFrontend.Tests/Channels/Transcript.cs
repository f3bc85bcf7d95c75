using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests.Channels;

/// <summary>Reads a conversation's messages as raw JSON, the way a client sees them.</summary>
public static class Transcript
{
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(HttpClient client, Guid conversationId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/messages?conversationId={conversationId}&limit=200");
        return page.GetProperty("messages").EnumerateArray().Select(m => m.Clone()).ToList();
    }

    public static string? Delivery(this JsonElement message) =>
        message.TryGetProperty("delivery", out var delivery) && delivery.ValueKind == JsonValueKind.String ? delivery.GetString() : null;

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
