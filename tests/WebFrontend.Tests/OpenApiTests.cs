using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests;

/// <summary>The OpenAPI document describes the API's routes, for integrators and generated clients.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiTests(AppFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_lists_the_api_routes_with_their_responses()
    {
        var document = await fixture.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("Conversations API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/conversations", "/api/messages", "/api/bookings", "/api/conversations/{id}/takeover", "/api/knowledge", "/api/templates" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document.");
        }

        var send = paths.GetProperty("/api/messages").GetProperty("post").GetProperty("responses");
        Assert.True(send.TryGetProperty("200", out _) || send.TryGetProperty("201", out _), send.GetRawText());
    }
}
