using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests.Bookings;

public static class ResponseJson
{
    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts an RFC 7807 problem with the status that names <paramref name="field"/> in its errors.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(text);
        Assert.True(body.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"No error for '{field}': {text}");
    }
}
