using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.Dashboard.Tests;

/// <summary>The API as the owner, for what a test sets up or changes behind the page's back.</summary>
public sealed class OwnerApi(HttpClient http, string token)
{
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
